import { describe, expect, it } from 'vitest';
import { changeScope } from '../../src/model/change-scope.js';

const texts = [
  { path: 'content/site.yml', text: 'title: Z\n' },
  { path: 'content/issues/1/issue.md', text: '---\ntitle: One\n---\nSee [first](10-first.md).\n' },
  { path: 'content/issues/1/10-first.md', text: '---\ntitle: First\n---\n[second](20-second.md#details) ![x](cover.svg)\n' },
  { path: 'content/issues/1/20-second.md', text: '---\ntitle: Second\n---\n[about](../../pages/about.md#history)\n' },
  { path: 'content/issues/2/issue.md', text: '---\ntitle: Two\n---\nBack to [one](../1/).\n' },
  { path: 'content/issues/2/10-alone.md', text: '---\ntitle: Alone\n---\nNothing.\n' },
  { path: 'content/pages/about.md', text: '---\ntitle: About\n---\n## History\n' },
];

const scopeOf = (...changed: string[]) => {
  const scope = changeScope(texts, new Set(changed));
  return { parse: [...scope.parse].sort(), report: [...scope.report].sort(), whole: scope.whole };
};

describe('changeScope', () => {
  it('reports a changed article and the files that link to it; parses what those link to and their issue', () => {
    expect(scopeOf('content/issues/1/20-second.md')).toEqual({
      report: ['content/issues/1/10-first.md', 'content/issues/1/20-second.md'],
      parse: ['content/issues/1/10-first.md', 'content/issues/1/20-second.md', 'content/issues/1/issue.md', 'content/pages/about.md'],
      whole: false,
    });
  });

  it('finds the files that link to an issue by its folder, and its own articles (which link its anchors as ./#x)', () => {
    expect(scopeOf('content/issues/1/issue.md').report).toEqual([
      'content/issues/1/10-first.md',
      'content/issues/1/20-second.md',
      'content/issues/1/issue.md',
      'content/issues/2/issue.md',
    ]);
  });

  it('finds the files that link to an article by its address, with or without an edition prefix', () => {
    const scope = changeScope([...texts, { path: 'content/pages/help.md', text: 'See [it](/fr/issues/1/second/#details).' }], new Set(['content/issues/1/20-second.md']));
    expect(scope.report.has('content/pages/help.md')).toBe(true);
  });

  it('reports a deleted file\'s translations and the files that named it', () => {
    const scope = changeScope([...texts.filter((t) => t.path !== 'content/pages/about.md'), { path: 'content/pages/about.fr.md', text: '---\ntitle: À propos\n---\n' }], new Set(['content/pages/about.md']));
    expect([...scope.report].sort()).toEqual(['content/issues/1/20-second.md', 'content/pages/about.fr.md', 'content/pages/about.md']);
  });

  it('reports the pages that use a changed image', () => {
    expect(scopeOf('content/issues/1/cover.svg').report).toEqual(['content/issues/1/10-first.md', 'content/issues/1/cover.svg']);
  });

  it('checks everything when site.yml changes', () => {
    expect(scopeOf('content/site.yml').whole).toBe(true);
    expect(scopeOf('content/site.yml').parse).toHaveLength(6);
  });

  it('checks everything when a theme file changes', () => {
    expect(scopeOf('themes/default/templates/home.liquid').whole).toBe(true);
  });

  it('parses nothing for a change outside the content', () => {
    expect(scopeOf()).toEqual({ parse: [], report: [], whole: false });
  });
});
