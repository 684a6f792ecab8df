import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../src/compile/compile-file.js';
import { loadRawHtmlParsers } from '../../src/render/raw-html.js';
import { fillHtml } from '../../src/render/slots.js';
import { serializeLines } from '../../src/render/gemtext/lines.js';

// Bodies with raw HTML need its parsers, which a build loads when a text has a `<`.
beforeAll(loadRawHtmlParsers);

/** A body compiled as an article, with its own page's links filled as written. */
function ownPage(text: string, html: 'sanitize' | 'escape' | 'trust' = 'sanitize'): string {
  const { body } = compileFile({ path: 'content/issues/1/10-a.md', text }, { html, links: 'paragraph' });
  return fillHtml(body.content!.html, body.slots, { url: (slot) => slot.url, footnotes: 'Footnotes', backToReference: 'Back' });
}

describe('compiling a body', () => {
  it('keeps only the link and image protocols the sanitizer allows', () => {
    const html = ownPage('[a](file:///etc/passwd) [b](tel:123) [c](https://ok.example/) [d](gemini://ok.example/) ![e](ftp://x.example/e.png) ![f](https://ok.example/f.png)\n');
    expect(html).not.toMatch(/file:|ftp:/);
    expect(html).toContain('href="tel:123"');
    expect(html).toContain('href="https://ok.example/"');
    expect(html).toContain('href="gemini://ok.example/"');
    expect(html).toContain('src="https://ok.example/f.png"');
  });

  it('gives a raw image written without alt an empty one, so the page stays valid HTML, and keeps the alt written', () => {
    const html = ownPage('<p><img src="a.svg"> <img src="b.svg" alt="A lamp"></p>\n');
    expect(html).toContain('<img src="a.svg" alt="">');
    expect(html).toContain('<img src="b.svg" alt="A lamp">');
  });

  it('lets trusted HTML keep any protocol but the ones that run code', () => {
    const html = ownPage('[a](foo:123) [b](javascript:alert(1))\n', 'trust');
    expect(html).toContain('href="foo:123"');
    expect(html).not.toContain('javascript:');
  });

  it('never lets content forge the markers that stand for links and labels', () => {
    const text = [
      '[first](https://first.example/) and [second](https://second.example/)',
      '',
      'Text &#xFDD0;0&#xFDD1; and \uFDD0F\uFDD1 and a [link](&#xFDD0;0&#xFDD1;).',
      '',
      '<a href="&#xFDD0;1&#xFDD1;">raw</a> <span title="&#64976;B&#64977;">x</span>',
      '',
    ].join('\n');
    const html = ownPage(text);
    expect(html).not.toMatch(/[\uFDD0-\uFDEF]/);
    // Each real link is there once: no forged marker was filled with one of them.
    expect(html.match(/first\.example/g)).toHaveLength(1);
    expect(html.match(/second\.example/g)).toHaveLength(1);
    expect(html).not.toContain('Footnotes');
  });

  it('gives the capsule the heading levels the web page shows: a heading that skips a level is one below the heading before it', () => {
    const { body } = compileFile({ path: 'content/issues/1/10-a.md', text: '### Setup\n\n#### Tools\n\n## Building\n\n#### Compiling\n' }, { html: 'sanitize', links: 'paragraph' });
    expect(body.content!.html.match(/<h\d/g)).toEqual(['<h2', '<h3', '<h2', '<h3']);
    expect(serializeLines(body.content!.gemtext)).toBe('## Setup\n\n### Tools\n\n## Building\n\n### Compiling\n');
  });

  it("gives the capsule raw HTML's headings at the levels the web page shows them", () => {
    const { body } = compileFile({ path: 'content/issues/1/10-a.md', text: '<h4>Setup</h4>\n\n## Building\n\n<h5>Compiling</h5>\n' }, { html: 'sanitize', links: 'paragraph' });
    expect(body.content!.html.match(/<h\d/g)).toEqual(['<h2', '<h2', '<h3']);
    expect(serializeLines(body.content!.gemtext)).toBe('## Setup\n\n## Building\n\n### Compiling\n');
  });

  it('warns of the first ten headings that skip a level, then of how many more there are', () => {
    const text = Array.from({ length: 12 }, (_, index) => `## Part ${index}\n\n#### Detail ${index}\n`).join('\n');
    const { diagnostics } = compileFile({ path: 'content/issues/1/10-a.md', text }, { html: 'sanitize', links: 'paragraph' });
    expect(diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`)).toEqual(
      Array.from({ length: 11 }, (_, index) => `${index * 4 + 3}:1 markdown/heading-level`),
    );
    expect(diagnostics.at(-1)!.message).toBe('2 more headings, from this #### on, are more than one level below the heading before them');
  });
});


describe('footnote mistakes of a body', () => {
  /** The footnote diagnostics of a body, as `line:column rule message`. */
  const footnoteDiagnostics = (text: string) =>
    compileFile({ path: 'content/issues/1/10-a.md', text }, { html: 'sanitize', links: 'paragraph' })
      .diagnostics.filter((d) => d.ruleId.startsWith('markdown/footnote-'))
      .map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

  it('tells the first ten calls without a note and the first ten notes called nowhere, then how many more', () => {
    const calls = Array.from({ length: 30 }, (_, i) => `[^call${i}x]`).join(' ');
    const notes = Array.from({ length: 25 }, (_, i) => `[^note${i}]: n`).join('\n');
    const told = footnoteDiagnostics(`${calls}\n\n${notes}\n`);
    expect(told).toHaveLength(22);
    expect(told[10]).toBe('1:101 markdown/footnote-undefined 20 more footnote calls, from [^call10x] on, have no note of their name, so readers see them as they are written');
    expect(told[21]).toBe('13:1 markdown/footnote-unused 15 more footnote notes, from [^note10] on, are called nowhere in the text, so no page shows them');
  });
});
