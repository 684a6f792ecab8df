import { describe, expect, it } from 'vitest';
import { didYouMean, didYouMeanAnchor, editDistance } from '../../src/diagnostics/did-you-mean.js';

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

describe('didYouMeanAnchor', () => {
  it.each([
    ['histroy', ['history', 'details'], 'history'],
    ['history', ['our-history', 'details'], 'our-history'],
    ['history', ['our-history', 'history-of-the-shed'], undefined],
    ['getting-started-guide', ['getting-started', 'details'], 'getting-started'],
    ['send-a-pull-request', ['send-a-letter', 'open-a-pull-request'], 'open-a-pull-request'],
    ['setup', ['our-history', 'details'], undefined],
    ['alpha-beta', ['alpha-gamma', 'beta-delta'], undefined],
    ['the-shed-in-winter', ['the-shed', 'in-winter-light'], undefined],
    ['', ['history'], undefined],
  ])('suggests for %j among %j: %j', (value, anchors, expected) => {
    expect(didYouMeanAnchor(value, anchors)).toBe(expected);
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
