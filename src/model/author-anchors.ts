import { slug } from 'github-slugger';
import { toSlug } from './classify.js';
import type { Author } from './types.js';

/**
 * The id of each contributor's entry on the authors page, by key, which every byline links to.
 * A handle of authors.yml always has its own (`ada` is `#ada`), whoever else is listed, so links
 * to it keep leading to that contributor; a name written in front matter takes the next free id
 * when it reads like a handle or a name before it (`"Ada"` is `#ada-1` beside the handle `ada`,
 * Zoë `#zoe-1` after Zoe). Every handle keeps its id, one that wrote nothing yet too: a name's id
 * does not move when that handle publishes, nor differ in a preview with drafts. `authors` are in
 * the authors page's order, which gives names their turn whatever the order of the articles.
 */
export function toAuthorAnchors(authors: ReadonlyMap<string, Author>, directory: ReadonlyMap<string, Author>): Map<string, string> {
  const taken = new Set<string>();
  const take = (base: string) => {
    let anchor = base;
    for (let count = 1; taken.has(anchor); count++) anchor = `${base}-${count}`;
    taken.add(anchor);
    return anchor;
  };
  // Two handles that read alike (`ana-l`, `ana.l`): the one written as its id keeps it.
  const handles = [...directory.keys()].map((handle) => ({ handle, base: anchorBase(handle) }));
  handles.sort((a, b) => Number(a.base !== a.handle) - Number(b.base !== b.handle) || (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
  const ofHandles = new Map(handles.map(({ handle, base }) => [handle, take(base)]));
  return new Map([...authors.keys()].map((key) => [key, ofHandles.get(key) ?? take(anchorBase(key))]));
}

/** What an id is made from: the key as a slug, GitHub's when that spells no letter (`ー`), or `author` for one of none (`!!!`). */
function anchorBase(key: string): string {
  // Ids that begin with `_` are the theme's (`_main`).
  return toSlug(key) || slug(key).replace(/^_+/, '') || 'author';
}
