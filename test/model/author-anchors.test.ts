import { describe, expect, it } from 'vitest';
import { toAuthorAnchors } from '../../src/model/author-anchors.js';
import type { Author } from '../../src/model/types.js';

/** Authors by key, in the authors page's order; a handle is given with its name (`ada=Ada Quill`), a name alone is written in front matter. */
function authorsOf(entries: string[]): Map<string, Author> {
  return new Map(entries.map((entry) => {
    const [key, name] = entry.split('=') as [string, string | undefined];
    return [key, { key, name: name ?? key }];
  }));
}

describe('toAuthorAnchors', () => {
  it.each([
    ['a name that reads as a handle takes the id after it', ['Ada', 'ada=Ada Quill'], ['ada'], [['Ada', 'ada-1'], ['ada', 'ada']]],
    ['a name takes the id after a handle that wrote nothing', ['Zoe'], ['zoe'], [['Zoe', 'zoe-1']]],
    ['names that read alike are numbered in the page\'s order', ['Zoe', 'Zoë'], [], [['Zoe', 'zoe'], ['Zoë', 'zoe-1']]],
    ['a name without letters is an author after the handle author', ['!!!', '???', 'author=Anonymous'], ['author'], [['!!!', 'author-1'], ['???', 'author-2'], ['author', 'author']]],
    ['a name skips an id a handle has with a number', ['Ana', 'ana=Ana L', 'ana-1=Ana One'], ['ana', 'ana-1'], [['Ana', 'ana-2'], ['ana', 'ana'], ['ana-1', 'ana-1']]],
    ['of two handles that read alike, the one written as its id keeps it', ['ana+l=Ana Plus', 'ana-l=Ana Dash'], ['ana+l', 'ana-l'], [['ana+l', 'ana-l-1'], ['ana-l', 'ana-l']]],
    ['a name GitHub spells but any-ascii does not keeps its letters, without leading underscores', ['ー', '_'], [], [['ー', 'ー'], ['_', 'author']]],
  ])('%s', (_, authors, handles, expected) => {
    const all = authorsOf(authors);
    const directory = new Map([...all].filter(([key]) => handles.includes(key)));
    for (const handle of handles) if (!directory.has(handle)) directory.set(handle, { key: handle, name: handle });
    expect([...toAuthorAnchors(all, directory)]).toEqual(expected);
  });

  it('gives the same ids whatever the order of authors.yml', () => {
    const authors = authorsOf(['Ana', 'ana.l=Ana Dot', 'ana-l=Ana Dash', 'ana=Ana L']);
    const handles = [...authors].filter(([key]) => key !== 'Ana');
    const forwards = toAuthorAnchors(authors, new Map(handles));
    const backwards = toAuthorAnchors(authors, new Map([...handles].reverse()));
    expect([...backwards]).toEqual([...forwards]);
    expect(forwards.get('ana')).toBe('ana');
    expect(forwards.get('Ana')).toBe('ana-1');
  });
});
