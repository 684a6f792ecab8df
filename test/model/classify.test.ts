import { describe, expect, it } from 'vitest';
import { classifyPath, parseArticleName, parseIssueNumber, parsePageName, toSlug } from '../../src/model/classify.js';

describe('parseArticleName', () => {
  it.each([
    ['20-current.md', { order: 20, slug: 'current' }],
    ['05-two-words.md', { order: 5, slug: 'two-words' }],
    ['100-x1.md', { order: 100, slug: 'x1' }],
    ['current.md', undefined],
    ['20-Current.md', undefined],
    ['20-two--hyphens.md', undefined],
    ['20-.md', undefined],
    ['20-a b.md', undefined],
    ['20-current.fr.md', undefined],
  ])('reads %s as %j', (name, expected) => {
    expect(parseArticleName(name)).toEqual(expected);
  });
});

describe('parseIssueNumber', () => {
  it.each([
    ['7', 7],
    ['007', 7],
    ['12', 12],
    ['seven', undefined],
    ['7a', undefined],
    ['', undefined],
  ])('reads folder %j as %j', (name, expected) => {
    expect(parseIssueNumber(name)).toBe(expected);
  });
});

describe('parsePageName', () => {
  it.each([
    ['about.md', 'about'],
    ['how-to-help.md', 'how-to-help'],
    ['About.md', undefined],
    ['../about.md', undefined],
  ])('reads %s as %j', (name, expected) => {
    expect(parsePageName(name)).toBe(expected);
  });
});

describe('classifyPath', () => {
  it.each([
    ['content/issues/007/issue.md', 'issue'],
    ['content/issues/7/20-current.md', 'article'],
    ['content/issues/7/cover.svg', 'issue-asset'],
    ['content/issues/7/art/big.png', 'issue-asset'],
    ['content/issues/7/art/notes.md', 'nested-markdown'],
    ['content/pages/about.md', 'page'],
    ['content/pages/team/about.md', 'nested-markdown'],
    ['content/pages/photo.jpg', 'page-asset'],
    ['content/static/fonts/a.woff2', 'static'],
    ['content/site.yml', 'other'],
    ['content/README.md', 'other'],
  ])('classifies %s as %s', (file, kind) => {
    expect(classifyPath(file).kind).toBe(kind);
  });
});

describe('toSlug', () => {
  it.each([
    ['My Article', 'my-article'],
    ['Ça va? Oui!', 'ca-va-oui'],
    ['  --x--  ', 'x'],
    ['Cœur, Straße, Ærø, Łódź, þing', 'coeur-strasse-aero-lodz-thing'],
    ['Ελλάδα', 'ellada'],
    ['¿¡…!? “”', ''],
    ['🎉 Launch © 2026', 'launch-2026'],
    ["It's Tom's", 'its-toms'],
    ['We’ll say they’re sure, don’t you?', 'well-say-theyre-sure-dont-you'],
    ["l'été, aujourd'hui", 'l-ete-aujourd-hui'],
  ])('makes %j into %j', (text, slug) => {
    expect(toSlug(text)).toBe(slug);
  });
});
