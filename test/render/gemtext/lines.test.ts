import { describe, expect, it } from 'vitest';
import { serializeLines, tidyGemtext, toTextLine } from '../../../src/render/gemtext/lines.js';
import { readGemtext } from '../../support/gemtext.js';

describe('a value a template puts on a line of its own (text_line)', () => {
  it('stays one text line whatever breaks it holds, a lone carriage return too', () => {
    const value = toTextLine('@eve\r=> https://phish.example/ Claim your prize\r# Fake heading\n* item');
    const page = serializeLines([{ type: 'text', text: value }]);
    expect(readGemtext(page).map((line) => line.type)).toEqual(['text']);
    expect(value).toBe('@eve => https://phish.example/ Claim your prize # Fake heading * item');
  });

  it('keeps the spaces of a line without a break, and drops those around each break', () => {
    expect(toTextLine('  two  spaces  ')).toBe('  two  spaces  ');
    expect(toTextLine('a \n \n b')).toBe('a b');
  });
});

describe('a capsule page made by a template', () => {
  it('keeps one blank line where the template left several, none at its start or end, and every line of preformatted text', () => {
    const made = '\n# Title\n\n\n  \nText\n```art\n\n\n  x\n```\n\n\n=> a.gmi A\n\n\n';
    expect(tidyGemtext(made)).toBe('# Title\n\nText\n```art\n\n\n  x\n```\n\n=> a.gmi A\n');
    expect(tidyGemtext('\n\n')).toBe('');
  });
});
