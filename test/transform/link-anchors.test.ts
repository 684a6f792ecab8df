import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { suggestAnchor } from '../../src/transform/link-anchors.js';

describe('suggestAnchor', () => {
  const original = ['release-news', 'details'];
  it.each([
    ['the heading in its place when both texts have as many headings', 'details', ['أخبار-الإصدار', 'تفاصيل'], { suggestion: 'تفاصيل', inPlace: true }],
    ['the heading in its place before one spelt near it, when both have as many', 'details', ['détails', 'notes'], { suggestion: 'notes', inPlace: true }],
    ['one spelt near it when the counts differ', 'details', ['intro', 'détails', 'neuigkeiten'], { suggestion: 'détails' }],
    ['else the heading in its place, when the translation has that many', 'details', ['einleitung', 'neuigkeiten', 'mehr'], { suggestion: 'neuigkeiten', inPlace: true }],
    ['nothing when the translation has fewer headings and none spelt near it', 'details', ['neuigkeiten'], {}],
  ])('suggests %s', (_, anchor, headings, expected) => {
    expect(suggestAnchor(anchor, headings, original, headings)).toEqual(expected);
  });

  it('suggests only by spelling for a link to a heading of the same text', () => {
    expect(suggestAnchor('detials', ['opening', 'details'], undefined, ['opening', 'details'])).toEqual({ suggestion: 'details' });
  });
});

describe('the headings of a parsed body', () => {
  it('are listed in document order, a heading with raw HTML (given its id last) in its place, raw HTML ids left out', () => {
    const parsed = parseMarkdown('## One\n\n## Two <em>raw</em>\n\n<p id="note">x</p>\n\n## Three\n', 0);
    expect(parsed.headings).toEqual(['one', 'two-raw', 'three']);
    expect(parsed.anchors).toEqual(['one', 'note', 'three', 'two-raw']);
  });
});
