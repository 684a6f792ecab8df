import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../src/compile/compile-file.js';
import { loadRawHtmlParsers } from '../../src/render/raw-html.js';
import { fillHtml } from '../../src/render/slots.js';

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
    expect(html).not.toMatch(/file:|tel:|ftp:/);
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
    const html = ownPage('[a](tel:123) [b](javascript:alert(1))\n', 'trust');
    expect(html).toContain('href="tel:123"');
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
});
