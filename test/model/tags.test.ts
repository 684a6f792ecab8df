import { describe, expect, it } from 'vitest';
import { tagNames, toTagSlug } from '../../src/model/tags.js';
import type { Article } from '../../src/model/types.js';

describe('toTagSlug', () => {
  it.each([
    ['Solar power', 'solar-power'],
    ['solar-power', 'solar-power'],
    [' Solar ', 'solar'],
    ['Écologie', 'ecologie'],
    ['日本語', 'ribenyu'],
    ['Ελληνικά', 'ellinika'],
    ['C++', 'c'],
    ['!!!', 'tag-e84c538e'],
    ['ー', 'tag-1e1acf2a'],
    [' !!! ', 'tag-e84c538e'],
  ])('gives %j the address tags/%s/', (tag, slug) => {
    expect(toTagSlug(tag)).toBe(slug);
  });

  it('gives two tags of no letter it keeps two addresses', () => {
    expect(toTagSlug('!!!')).not.toBe(toTagSlug('???'));
  });
});

describe('tagNames', () => {
  const tagged = (...tags: string[]) => ({ tags }) as Article;

  it('names each page with the spelling most articles give, the first in code-point order between as many', () => {
    expect(tagNames([tagged('solar'), tagged('Solar'), tagged('solar', 'C#'), tagged('C++')])).toEqual(new Map([['solar', 'solar'], ['c', 'C#']]));
    expect(tagNames([tagged('solar'), tagged('Solar')])).toEqual(new Map([['solar', 'Solar']]));
  });
});
