import { describe, expect, it } from 'vitest';
import { isMediaQueryList } from '../../../src/render/html/media-queries.js';
import { sizesProblem } from '../../../src/render/html/source-sizes.js';
import { syntaxOf } from '../../../src/render/html/attribute-syntaxes.js';

// What the Nu Html Checker (vnu 26.9) accepts in a <source media> and in the conditions of a sizes,
// and what it rejects: a media query kept must never make a page it rejects, nor one it accepts be lost.
describe('media queries of raw HTML', () => {
  it.each([
    '(min-width: 600px)',
    'screen and (max-width: 40em)',
    '(prefers-color-scheme: dark)',
    '(width >= 600px)',
    // CSS math functions, which the parser does not read (review of e67c433: they were dropped).
    '(max-width: calc(40rem + 10px))',
    '(min-width: min(600px, 50vw)) and (orientation: portrait)',
    'screen and (max-width: CALC(1px + (2px * 3)))',
    '(min-width: calc(100% - 10px))',
    '(min-width: min(50%, 10px))',
    '(min-width: calc(1px /* a note */ + 2px))',
    '(min-width: calc(-pi * 1px))',
    '(min-width: calc(sin(30deg) * 1px))',
    '(min-width: calc(1px - -2px))',
  ])('keeps %s', (query) => {
    expect(isMediaQueryList(query)).toBe(true);
  });

  it.each(['nonsense', '(min-width: banana)', '(min-width: 600)', '(device-width: 600px)', 'tv', '(max-width: calc(40rem + 10px)', '(min-width: calc(1px) 2)'])('rejects %s', (query) => {
    expect(isMediaQueryList(query)).toBe(false);
  });

  // What the checker rejects inside a math function: each of these was kept, and the page rejected.
  it.each([
    '(max-width: calc(40em+1px))',
    '(min-width: calc(1px -2px))',
    '(min-width: calc())',
    '(min-width: calc(1px, 2px))',
    '(max-width: max(1px 2px))',
    '(min-width: calc(1px + 2))',
    '(min-width: calc(50%))',
    '(min-width: calc(10cqw))',
    '(min-width: calc(foo))',
    '(min-width: calc(1px + foo(2)))',
    '(min-width: sin(1px))',
    '(min-width: calc(2dppx))',
    '(min-width: calc(1px/* a note */+ 2px))',
  ])('rejects %s, whose math function the checker rejects', (query) => {
    expect(isMediaQueryList(query)).toBe(false);
  });

  it('keeps a sizes whose condition computes its length with calc()', () => {
    expect(sizesProblem('(max-width: calc(40rem + 10px)) 100vw, 50vw', false)).toBeUndefined();
    expect(sizesProblem('(max-width: calc(40rem + 10px)) calc(100vw - 2em), 50vw', false)).toBeUndefined();
    expect(sizesProblem('(max-width: banana) 100vw, 50vw', false)).toBe('syntax');
    expect(sizesProblem('(max-width: calc(40rem+10px)) 100vw, 50vw', false)).toBe('syntax');
  });

  it('reads 100 000 nested calls in moments, without overflowing the stack', () => {
    const deep = (n: number) => `(min-width: ${'calc('.repeat(n)}1px${')'.repeat(n)})`;
    expect(isMediaQueryList(deep(20))).toBe(true);
    expect(isMediaQueryList(deep(100_000))).toBe(false);
  });
});

describe('the hint on a media query of raw HTML', () => {
  const advice = (value: string) => {
    const given = syntaxOf('source', 'media')?.advice;
    return typeof given === 'function' ? given(value) : given;
  };

  it.each(['(max-width: calc(40em+1px))', '(max-width: calc(1px -2px))', '(min-width: CLAMP(1px,2px+1vw,3px))'])('says to put spaces around + and - in math functions, for %s', (value) => {
    expect(advice(value)).toContain('put a space on each side of + and -');
  });

  it.each(['(max-width: calc(40em + 1px))', '(max-width: calc(-1px + 2px))', '(max-width: calc(100% - 2em))', '(min-width: banana)'])('does not, for %s', (value) => {
    expect(advice(value)).not.toContain('put a space on each side');
  });
});
