import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import { decodeText } from '../../src/load/decode.js';

function decode(bytes: number[] | string) {
  const collector = createCollector();
  const text = decodeText(typeof bytes === 'string' ? Buffer.from(bytes) : Uint8Array.from(bytes), 'content/a.md', collector.report);
  return { text, diagnostics: collector.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`) };
}

describe('decodeText', () => {
  it('drops a UTF-8 byte order mark', () => {
    expect(decode('\uFEFF---\ntitle: A\n---\n').text).toBe('---\ntitle: A\n---\n');
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    expect(decode('a\r\nb\rc\n').text).toBe('a\nb\nc\n');
  });

  it('keeps a U+FFFD that the file really contains', () => {
    expect(decode('ok \uFFFD here').text).toBe('ok \uFFFD here');
  });

  it('reports the first invalid byte at its line and column', () => {
    expect(decode([0x61, 0x0a, 0x62, 0x63, 0xe9, 0x64])).toEqual({ text: undefined, diagnostics: ['2:3 encoding/invalid-utf8'] });
  });

  it('finds an invalid byte after a literal U+FFFD', () => {
    expect(decode([...Buffer.from('\uFFFD'), 0x0a, 0xff]).diagnostics).toEqual(['2:1 encoding/invalid-utf8']);
  });

  it('reads an empty file as empty text', () => {
    expect(decode([])).toEqual({ text: '', diagnostics: [] });
  });
});
