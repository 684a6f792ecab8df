import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/diagnostics/did-you-mean.js';

describe('didYouMean', () => {
  it.each([
    ['titel', ['title', 'date', 'tags'], 'title'],
    ['descripton', ['title', 'description'], 'description'],
    ['graec', ['grace', 'ada'], 'grace'],
    ['Title', ['title'], 'title'],
    ['colour', ['title', 'date'], undefined],
    ['x', ['y'], 'y'],
    ['abc', [], undefined],
  ])('suggests for %j among %j: %j', (value, candidates, expected) => {
    expect(didYouMean(value, candidates)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('between %j and %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
