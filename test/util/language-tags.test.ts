import { describe, expect, it } from 'vitest';
import { suggestLanguageTag, toCanonicalCase } from '../../src/util/language-tags.js';

describe('toCanonicalCase', () => {
  it.each([
    ['FR', 'fr'],
    ['pt-br', 'pt-BR'],
    ['ZH-HANT-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['sl-ROZAJ', 'sl-rozaj'],
    ['en-US-x-Twain', 'en-US-x-twain'],
  ])('writes %s as %s', (written, canonical) => {
    expect(toCanonicalCase(written)).toBe(canonical);
  });
});

describe('suggestLanguageTag', () => {
  it.each([
    ['AR', { tag: 'ar', reason: 'case' }],
    ['pt-br', { tag: 'pt-BR', reason: 'case' }],
    ['pt_BR', { tag: 'pt-BR', reason: 'separator' }],
    ['pt_br', { tag: 'pt-BR', reason: 'separator' }],
    ['fr ', { tag: 'fr', reason: 'space', space: 'after' }],
    [' pt_br', { tag: 'pt-BR', reason: 'space', space: 'before' }],
    [' FR\t', { tag: 'fr', reason: 'space', space: 'around' }],
    ['french', { tag: 'fr', reason: 'name', name: 'French' }],
    ['Français', { tag: 'fr', reason: 'name', name: 'français' }],
    ['Deutsch', { tag: 'de', reason: 'name', name: 'Deutsch' }],
  ])('tells %s its tag', (written, suggestion) => {
    expect(suggestLanguageTag(written)).toEqual(suggestion);
  });

  it.each(['pt-BR', 'fr', 'zh-Hant', 'nothing-of-the-kind'])('has nothing to say of %s', (written) => {
    expect(suggestLanguageTag(written)).toBeUndefined();
  });
});
