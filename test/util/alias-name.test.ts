import { describe, expect, it } from 'vitest';
import { aliasNameMistake, toWrittenAlias } from '../../src/util/alias-name.js';
import { toAliasRoute } from '../../src/parse/schemas.js';

/** The mistake of an alias as front matter writes it. */
const mistakeOf = (written: string) => aliasNameMistake(toAliasRoute(written));

describe('aliasNameMistake', () => {
  it.each([
    ['old/a.', { reason: 'trailing', part: 'a.', end: 'dot', becomes: 'a', without: '/old/a/' }],
    ['issues/1/a...', { reason: 'trailing', part: 'a...', end: 'dot', becomes: 'a', without: '/issues/1/a/' }],
    ['x%2E', { reason: 'trailing', part: 'x.', end: 'dot', becomes: 'x', without: '/x/' }],
    ['x%20', { reason: 'trailing', part: 'x ', end: 'space', becomes: 'x', without: '/x/' }],
    ['a%20b%20/c', { reason: 'trailing', part: 'a b ', end: 'space', becomes: 'a b', without: '/a%20b/c/' }],
    ['.../x', { reason: 'trailing', part: '...', end: 'dot', without: '/x/' }],
    ['C%4FN', { reason: 'device', part: 'CON', device: 'CON' }],
    ['cOn', { reason: 'device', part: 'cOn', device: 'CON' }],
    ['nul.txt', { reason: 'device', part: 'nul.txt', device: 'NUL' }],
    ['nul%20.txt', { reason: 'device', part: 'nul .txt', device: 'NUL' }],
    ['com%C2%B9', { reason: 'device', part: 'com¹', device: 'COM¹' }],
    ['LPT0/x/', { reason: 'device', part: 'LPT0', device: 'LPT0' }],
    ['prn.tar.gz', { reason: 'device', part: 'prn.tar.gz', device: 'PRN' }],
    ['CONIN%24/x', { reason: 'device', part: 'CONIN$', device: 'CONIN$' }],
  ])('tells %s as a part Windows can not write', (written, expected) => {
    expect(mistakeOf(written)).toEqual(expected);
  });

  it('takes names that only start like a device, and dots inside a part', () => {
    expect(['console', 'con-x', 'nul_', 'com10', 'lpt', 'a.b/c.d.html', '.well-known/x', '/old/index.html'].map(mistakeOf)).toEqual(Array(8).fill(undefined));
  });

  it('counts the length of a part and of the whole in UTF-8 bytes of the decoded path', () => {
    const twenty = 'abcdefghijklmnopqrs/'.repeat(50);
    expect(['a'.repeat(200), 'é'.repeat(100), '%C3%BC'.repeat(100), `/${twenty}`, `${twenty.slice(0, -1)}b`].map(mistakeOf)).toEqual(Array(5).fill(undefined));
    expect(['a'.repeat(201), 'é'.repeat(101), '%C3%A9'.repeat(101), `${twenty}x`].map(mistakeOf)).toEqual([
      { reason: 'long-part', part: 'a'.repeat(201), bytes: 201 },
      { reason: 'long-part', part: 'é'.repeat(101), bytes: 202 },
      { reason: 'long-part', part: 'é'.repeat(101), bytes: 202 },
      { reason: 'long', bytes: 1001 },
    ]);
  });
});

describe('toWrittenAlias', () => {
  it('writes a route from the root, percent-encoding what an alias does not take as it is, and keeps letters of any script', () => {
    expect(['issues/1/x /', 'CONIN$/x/', 'issues/1/café/', 'legacy/post.html'].map(toWrittenAlias)).toEqual(['/issues/1/x%20/', '/CONIN%24/x/', '/issues/1/café/', '/legacy/post.html']);
  });
});
