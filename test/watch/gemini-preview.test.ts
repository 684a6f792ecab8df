import { describe, expect, it } from 'vitest';
import { toGeminiPreview } from '../../src/watch/gemini-preview.js';

/** The part of the preview the gemtext becomes. */
function main(gemtext: string): string {
  const page = toGeminiPreview(gemtext, { file: 'issues/1/first.gmi', rawUrl: '/_gemini/issues/1/first.gmi?raw', capsuleRoot: '/_gemini/' });
  return page.slice(page.indexOf('<main>\n') + 7, page.indexOf('\n</main>'));
}

describe('the Gemini preview', () => {
  it.each([
    ['# Title\n## Part\n### Detail', '<h1>Title</h1>\n<h2>Part</h2>\n<h3>Detail</h3>'],
    ['#### Deeper', '<h3># Deeper</h3>'],
    ['=> second.gmi The second', '<p class="link"><a href="second.gmi">The second</a></p>'],
    ['=>gemini://zine.example/', '<p class="link"><a href="gemini://zine.example/">gemini://zine.example/</a></p>'],
    ['=> /issues/2/ Issue 2', '<p class="link"><a href="/_gemini/issues/2/">Issue 2</a></p>'],
    ['=> ftp://ftp.example.org/pub/ The archive', '<p class="link"><a href="ftp://ftp.example.org/pub/">The archive</a></p>'],
    ['=> tel:+15551234 Call us', '<p class="link"><a href="tel:+15551234">Call us</a></p>'],
    ['=> foo:bar Unknown', '<p class="link">Unknown</p>'],
    ['=> javascript:alert(1) Click', '<p class="link">Click</p>'],
    ['=> \u0001javascript:alert(1) Click', '<p class="link">Click</p>'],
    ['* one\n* two\ntext', '<ul><li>one</li><li>two</li></ul>\n<p>text</p>'],
    ['> quoted', '<blockquote>quoted</blockquote>'],
    ['```table of prices\n| a | b |\n=> not a link\n```', '<pre aria-label="table of prices" title="table of prices">| a | b |\n=&gt; not a link</pre>'],
    ['```\nleft open', '<pre>left open</pre>'],
    ['para\n\nnext', '<p>para</p>\n<div class="blank"></div>\n<p>next</p>'],
    ['<script>alert("x")</script> & co', '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>'],
  ])('shows %j as %j', (gemtext, html) => {
    expect(main(gemtext)).toBe(html);
  });

  it('names the file and links to its raw text/gemini', () => {
    const page = toGeminiPreview('# Title\n', { file: 'issues/1/first.gmi', rawUrl: '/_gemini/issues/1/first.gmi?raw', capsuleRoot: '/_gemini/' });
    expect(page).toContain('<title>Title · Gemini preview</title>');
    expect(page).toContain('Gemini preview of <code>issues/1/first.gmi</code> · <a href="/_gemini/issues/1/first.gmi?raw">raw text/gemini</a>');
  });

  it.each([
    [undefined, '<html lang="en">'],
    ['fr', '<html lang="fr">'],
    ['ar', '<html lang="ar" dir="rtl">'],
  ])('writes the page of a file in the language %s as %s', (language, html) => {
    const page = toGeminiPreview('# Title\n', { file: 'issues/1/first.gmi', capsuleRoot: '/_gemini/', ...(language === undefined ? {} : { language }) });
    expect(page.match(/<html[^>]*>/)?.[0]).toBe(html);
  });

  it('links to no raw text/gemini when it is given none, for a page of mimeo\'s own', () => {
    const page = toGeminiPreview('# Not found\n', { file: 'issues/9/gone.gmi', capsuleRoot: '/_gemini/' });
    expect(page).toContain('<header class="bar" lang="en" dir="ltr">Gemini preview of <code>issues/9/gone.gmi</code></header>');
  });
});
