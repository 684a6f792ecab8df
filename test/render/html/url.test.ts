import { describe, expect, it } from 'vitest';
import { absoluteUrl, linkTo, relativePath } from '../../../src/render/html/url.js';

describe('relativePath', () => {
  it.each([
    ['', '', './'],
    ['', 'issues/3/', 'issues/3/'],
    ['issues/3/', '', '../../'],
    ['issues/3/current/', 'issues/3/', '../'],
    ['issues/3/current/', 'issues/2/headlines/', '../../2/headlines/'],
    ['issues/3/current/', 'issues/3/cover.svg', '../cover.svg'],
    ['issues/3/', 'issues/3/cover.svg', 'cover.svg'],
    ['about/', 'style.abc.css', '../style.abc.css'],
    ['', 'issues/1/a b.png', 'issues/1/a%20b.png'],
    // Names that share a beginning are different folders.
    ['issues/3/', 'issues/30/', '../30/'],
    ['ab/', 'a/x', '../a/x'],
    // A file named like the folder the page is in.
    ['a/b/', 'a/b', '../b'],
    // Routes that are not written as folders are read as folders.
    ['/issues//3', 'issues/3/cover.svg', 'cover.svg'],
    ['issues/3', 'issues/', '../'],
  ])('from %j to %j is %j', (from, target, expected) => {
    expect(relativePath(from, target)).toBe(expected);
  });
});

describe('linkTo', () => {
  it('links from the base path for pages served at any depth', () => {
    expect(linkTo({ absolute: '/zine/' }, 'about/')).toBe('/zine/about/');
  });
});

describe('absoluteUrl', () => {
  it('resolves against a base URL with a path', () => {
    expect(absoluteUrl('https://example.org/zine/', 'issues/1/')).toBe('https://example.org/zine/issues/1/');
  });
});
