import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/compile-file.js';
import type { CompileOptions } from '../../../src/compile/compiled.js';
import { serializeLines } from '../../../src/render/gemtext/lines.js';
import { loadRawHtmlParsers } from '../../../src/render/raw-html.js';
import { slotOf } from '../../../src/render/slots.js';

// Bodies with raw HTML need its parsers, which a build loads when a text has a `<`.
beforeAll(loadRawHtmlParsers);

/**
 * A body's capsule text, compiled as a build compiles it (the web page's sanitizer decides which
 * links of raw HTML are kept), each link's URL as written.
 */
function capsuleText(text: string, links: CompileOptions['links'] = 'paragraph'): string {
  const { body } = compileFile({ path: 'content/issues/1/10-a.md', text }, { html: 'sanitize', links });
  const lines = body.content!.gemtext.map((line) => (line.type === 'link' ? { ...line, url: slotOf(line.url, body.slots)?.url ?? line.url } : line));
  return serializeLines(lines);
}

describe('links and images of raw HTML blocks in gemtext', () => {
  it('shows an image by its alt text in its paragraph, then as a => line after it', () => {
    expect(capsuleText('<p>Raw image: <img src="x.svg" alt="raw alt"> here.</p>\n\nNext.\n')).toBe('Raw image: raw alt here.\n\n=> x.svg raw alt\n\nNext.\n');
  });

  it('puts the links of each raw block after that block', () => {
    const text = '<ul><li>See <a href="https://one.example/">one</a></li><li>two</li></ul>\n\n<p>And <a href="https://three.example/">three</a>.</p>\n';
    expect(capsuleText(text)).toBe('* See one\n* two\n\n=> https://one.example/ one\n\nAnd three.\n\n=> https://three.example/ three\n');
  });

  it('keeps the links of raw blocks for the end of the section with gemini.links: end, and drops them with off', () => {
    const text = '<p>See <a href="https://one.example/">one</a>.</p>\n\n<dl><dt>Term <a href="https://two.example/">two</a></dt><dd>Said.</dd></dl>\n\n## Next\n';
    expect(capsuleText(text, 'end')).toBe('See one.\n\nTerm two\n\nSaid.\n\n=> https://one.example/ one\n=> https://two.example/ two\n\n## Next\n');
    expect(capsuleText(text, 'off')).toBe('See one.\n\nTerm two\n\nSaid.\n\n## Next\n');
  });

  it('keeps the images of raw HTML as => lines after their block with gemini.links: off, and leaves their links out', () => {
    const text = [
      'Inline <img src="inline.svg" alt="an inline owl"> and <a href="https://link.example/"><img src="linked.svg" alt="a linked owl"></a>.',
      '<p>A raw <img src="block.svg" alt="block owl"> and <a href="https://block.example/">a link</a>.</p>',
      '<pre>see <img src="pre.svg" alt="pre owl"> and <a href="https://pre.example/">this</a></pre>',
      '',
    ].join('\n\n');
    expect(capsuleText(text, 'off')).toBe(
      'Inline an inline owl and a linked owl.\n\n=> inline.svg an inline owl\n=> linked.svg a linked owl\n\n' +
        'A raw block owl and a link.\n\n=> block.svg block owl\n\n' +
        '```\nsee pre owl and this\n```\n\n=> pre.svg pre owl\n',
    );
  });

  it('makes a raw paragraph that is only a link or an image one => line', () => {
    expect(capsuleText('<p><a href="https://only.example/">only a link</a></p>\n\n<figure><img src="x.svg" alt="a lamp"><figcaption>The lamp</figcaption></figure>\n')).toBe(
      '=> https://only.example/ only a link\n\n=> x.svg a lamp\n\nThe lamp\n',
    );
  });

  it('writes no => line for a link the web page\'s sanitizer removes, but keeps its text', () => {
    expect(capsuleText('<ol><li><a href="javascript:alert(1)">this</a> and <a href="file:///etc/passwd">that</a></li></ol>\n')).toBe('* 1. this and that\n');
  });

  it('lists the links of raw preformatted text after its block', () => {
    expect(capsuleText('<pre>see <a href="https://pre.example/">the\nlink</a>\nnext</pre>\n')).toBe('```\nsee the\nlink\nnext\n```\n\n=> https://pre.example/ the link\n');
  });

  it("keeps a footnote call of a raw link's text in its paragraph and out of the link's label, as a Markdown link's", () => {
    const text = 'A raw <a href="https://example.org/raw">link with a call[^1] in its text</a>.\n\n[^1]: The note.\n';
    expect(capsuleText(text).split('\n\n').slice(0, 2)).toEqual(['A raw link with a call[1] in its text.', '=> https://example.org/raw link with a call in its text']);
  });

  it('writes a link around blocks as a => line after them', () => {
    expect(capsuleText('<div><a href="https://card.example/"><h3>Card</h3><p>Its text.</p></a></div>\n')).toBe('## Card\n\nIts text.\n\n=> https://card.example/ Card Its text.\n');
  });
});
