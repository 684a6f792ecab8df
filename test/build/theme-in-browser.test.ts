import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { fixtures, makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

// The default theme as a reader's browser lays it out: one Chromium for the whole file, pages
// opened from the built folder as files.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await removeTemporaryFolders();
});

/** Builds the webzine at `root` and gives its web folder. */
async function buildWeb(root: string): Promise<string> {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return path.join(out, 'web');
}

/** A new tab of `width` CSS pixels showing `file` of the web folder. */
async function open(web: string, file: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 740 } });
  await page.goto(pathToFileURL(path.join(web, file)).href);
  return page;
}

/** How wide each page's content is, in CSS pixels, in a window `width` wide. */
async function pageWidths(web: string, files: string[], width: number): Promise<Record<string, number>> {
  const widths: Record<string, number> = {};
  for (const file of files) {
    const page = await open(web, file, width);
    widths[file] = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.close();
  }
  return widths;
}

describe('the default theme on a phone 360 pixels wide', () => {
  it('never scrolls sideways, whatever long word or URL an editorial, a title in the contents or the pager, or a link holds', async () => {
    const web = await buildWeb(await makeWebzine(path.join(fixtures, 'theme/long-words')));
    const files = ['index.html', 'issues/1/index.html', 'issues/1/second/index.html', 'issues/1/long/index.html'];
    expect(await pageWidths(web, files, 360)).toEqual(Object.fromEntries(files.map((file) => [file, 360])));
  });
});

describe('the default theme on a wide screen', () => {
  it("sets a line a webzine's own issue header adds at the size of the text, beside the cover", async () => {
    // A webzine theme may override one partial (themes/default/README.md): here the issue header, with a note.
    const root = await makeWebzine();
    const partial = await readFile(path.join(repoRoot, 'themes/default/templates/partials/issue-header.liquid'), 'utf8');
    await mkdir(path.join(root, 'themes/default/templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/templates/partials/issue-header.liquid'), partial.replace('</header>', '<p class="guest-note">Guest-edited.</p>\n</header>'));
    const web = await buildWeb(root);
    const page = await open(web, 'issues/1/index.html', 1200);
    const sizes = await page.evaluate(() => ({ note: getComputedStyle(document.querySelector('.guest-note')!).fontSize, body: getComputedStyle(document.body).fontSize }));
    await page.close();
    expect(sizes).toEqual({ note: '19px', body: '19px' });
  });
});

/**
 * How far from the start of its line (the left in English, the right in Arabic) each piece of
 * an article stands from what it belongs to, in CSS pixels: the title in the contents from the
 * number's edge, a quotation's text from its rule, a task's text from its checkbox (less the
 * space between them, which is as wide as its font makes it).
 */
async function startGaps(web: string, prefix: string) {
  const issue = await open(web, `${prefix}issues/1/index.html`, 360);
  const contents = await issue.evaluate(() => {
    const item = document.querySelector('.toc__item')!.getBoundingClientRect();
    const title = document.querySelector('.toc__item .toc__link')!.getBoundingClientRect();
    return getComputedStyle(document.body).direction === 'rtl' ? item.right - title.right : title.left - item.left;
  });
  await issue.close();
  const article = await open(web, `${prefix}issues/1/first/index.html`, 360);
  const gaps = await article.evaluate(() => {
    const rtl = getComputedStyle(document.body).direction === 'rtl';
    const gap = (before: DOMRect, after: DOMRect) => (rtl ? before.left - after.right : after.left - before.right);
    const quotation = document.querySelector('.article .prose blockquote')!;
    const rule = quotation.getBoundingClientRect();
    const quoted = quotation.querySelector('p')!.getBoundingClientRect();
    const checkbox = document.querySelector('.article .task-list-item input')!;
    const task = checkbox.nextSibling as Text;
    const range = (start: number, end: number) => {
      const text = document.createRange();
      text.setStart(task, start);
      text.setEnd(task, end);
      return text.getBoundingClientRect();
    };
    const first = task.data.search(/\S/);
    return {
      quotation: rtl ? rule.right - quoted.right : quoted.left - rule.left,
      checkbox: gap(checkbox.getBoundingClientRect(), range(first, task.data.length)) - range(0, first).width,
    };
  });
  await article.close();
  return Object.fromEntries(Object.entries({ contents, ...gaps }).map(([key, value]) => [key, Math.round(value) + 0]));
}

/**
 * Whether each text reads in its own order where it first shows on the page, as a left-to-right
 * text on one line does: each of its characters to the right of the one before. The bidi
 * algorithm moves a name's closing quote or a sentence's full stop to the other end otherwise.
 */
async function readInOrder(page: Page, texts: string[]): Promise<Record<string, boolean>> {
  return page.evaluate((texts) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const inOrder = (text: string) => {
      const node = nodes.find((candidate) => candidate.data.includes(text));
      if (!node) return false;
      const start = node.data.indexOf(text);
      const lefts = [...text].map((_, index) => {
        const letter = document.createRange();
        letter.setStart(node, start + index);
        letter.setEnd(node, start + index + 1);
        return letter.getBoundingClientRect().left;
      });
      return lefts.every((left, index) => index === 0 || left > lefts[index - 1]!);
    };
    return Object.fromEntries(texts.map((text) => [text, inOrder(text)]));
  }, texts);
}

describe('the default theme in an edition written from right to left', () => {
  let web: string;
  beforeAll(async () => {
    web = await buildWeb(await makeWebzine(path.join(fixtures, 'translations/arabic-edition')));
  });

  it('mirrors the original: numbers in the contents, quotation rules and checkboxes stand as far from their text', async () => {
    const english = await startGaps(web, '');
    expect(english).toEqual({ contents: 54, quotation: 27, checkbox: 7 });
    expect(await startGaps(web, 'ar/')).toEqual(english);
  });

  it('opens an article with a drop cap in English, not in Arabic, whose first letter joins the rest of its word', async () => {
    const dropCap = async (prefix: string) => {
      const page = await open(web, `${prefix}issues/1/first/index.html`, 360);
      // Whether the first letter is set taller than the second.
      const taller = await page.evaluate(() => {
        const text = document.querySelector('.article .prose > p')!.firstChild!;
        const height = (start: number) => {
          const letter = document.createRange();
          letter.setStart(text, start);
          letter.setEnd(text, start + 1);
          return letter.getBoundingClientRect().height;
        };
        return height(0) > height(1);
      });
      await page.close();
      return taller;
    };
    expect({ english: await dropCap(''), arabic: await dropCap('ar/') }).toEqual({ english: true, arabic: false });
  });

  it("shows Latin names and handles in their own order: bylines, an issue's contributors, the authors page", async () => {
    const name = 'Smith & <Sons> "Ltd"';
    const read = async (file: string, texts: string[]) => {
      const page = await open(web, file, 1000);
      const order = await readInOrder(page, texts);
      await page.close();
      return order;
    };
    const authors = await read('ar/authors/index.html', [name, '@grace@social.example']);
    expect({
      byline: (await read('ar/issues/1/first/index.html', [name]))[name],
      contributors: (await read('ar/issues/1/index.html', [name]))[name],
      authorsPage: authors[name],
      handle: authors['@grace@social.example'],
    }).toEqual({ byline: true, contributors: true, authorsPage: true, handle: true });
  });

  it("shows the site's English tagline and menu entry with their full stop at the end", async () => {
    const page = await open(web, 'ar/index.html', 1000);
    expect(await readInOrder(page, ['A zine about small computers.', 'Source code.'])).toEqual({ 'A zine about small computers.': true, 'Source code.': true });
    await page.close();
  });

  it('shows code from left to right inside an Arabic article, in a block and in a line', async () => {
    const page = await open(web, 'ar/issues/1/first/index.html', 1000);
    const code = ['#include <stdio.h>', 'printf("%d\\n", x);'];
    expect(await readInOrder(page, code)).toEqual(Object.fromEntries(code.map((text) => [text, true])));
    await page.close();
  });

  it('never scrolls sideways on a phone', async () => {
    const files = ['ar/index.html', 'ar/issues/1/index.html', 'ar/issues/1/first/index.html', 'ar/issues/1/second/index.html'];
    expect(await pageWidths(web, files, 360)).toEqual(Object.fromEntries(files.map((file) => [file, 360])));
  });
});

describe('the sample webzine in the default theme', () => {
  let web: string;
  beforeAll(async () => {
    web = await buildWeb(repoRoot);
  });

  it('underlines the links that sit beside text of another colour: the breadcrumb, footnote references and back-links (WCAG 1.4.1)', async () => {
    const page = await open(web, 'issues/3/headlines/index.html', 1000);
    const lines = await page.evaluate(() =>
      Object.fromEntries(['.breadcrumb a', '.prose sup a', '.prose .data-footnote-backref'].map((selector) => [selector, getComputedStyle(document.querySelector(selector)!).textDecorationLine])),
    );
    await page.close();
    expect(lines).toEqual({ '.breadcrumb a': 'underline', '.prose sup a': 'underline', '.prose .data-footnote-backref': 'underline' });
  });

  it('names each task-list checkbox by its task, as a screen reader announces it', async () => {
    const page = await open(web, 'contribute/index.html', 1000);
    const snapshot = await page.locator('.prose .contains-task-list').first().ariaSnapshot();
    await page.close();
    expect(snapshot.split('\n').filter((line) => line.includes('checkbox')).map((line) => line.trim())).toEqual([
      '- checkbox "npx mimeo check passes" [disabled]',
      '- checkbox "the article reads well in mimeo dev, on the web page and under /_gemini/" [disabled]',
      '- checkbox "every image has a description" [disabled]',
      '- checkbox "every external link is one you would be happy to be blamed for" [disabled]',
    ]);
  });

  it('lets the keyboard reach every code block, which may scroll sideways, on the issue page and the article page', async () => {
    const reachable: Record<string, boolean[]> = {};
    for (const file of ['issues/1/index.html', 'issues/1/serial-console/index.html']) {
      const page = await open(web, file, 1000);
      reachable[file] = await page.evaluate(() => [...document.querySelectorAll('.prose pre')].map((pre) => (pre as HTMLElement).tabIndex === 0));
      await page.close();
    }
    expect(reachable).toEqual({ 'issues/1/index.html': [true, true, true], 'issues/1/serial-console/index.html': [true, true, true] });
  });

  it('prints where an external link goes after it, but not again after a link whose text is its address', async () => {
    const page = await open(web, 'issues/3/links/index.html', 1000);
    await page.emulateMedia({ media: 'print' });
    const after = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('.prose a[href^="https://oldest-page"], .prose a[href^="https://eol"]')].map((link) => [link.textContent, getComputedStyle(link, '::after').content])),
    );
    await page.close();
    expect(after).toEqual({ 'https://oldest-page.example': 'none', 'Line endings, explained once and for all': '" <https://eol.example/>"' });
  });

  it("sets a translation's notes as wide as the column of text they are about, edge to edge", async () => {
    const edges: Record<string, number[]> = {};
    for (const [file, column] of [['fr/issues/2/index.html', '.issue-article'], ['fr/contribute/index.html', '.page']] as const) {
      const page = await open(web, file, 1200);
      // How far each notice's left and right edges stand from those of its column.
      edges[file] = await page.evaluate((column) => [...document.querySelectorAll('.notice')].flatMap((notice) => {
        const own = notice.getBoundingClientRect();
        const text = (notice.closest(column) ?? document.querySelector(column)!).getBoundingClientRect();
        return [Math.round(own.left - text.left), Math.round(text.right - own.right)];
      }), column);
      await page.close();
    }
    // The issue's notices: the editorial's (inside its padding), then one per article.
    expect(edges).toEqual({ 'fr/issues/2/index.html': [32, 32, ...Array(12).fill(0)], 'fr/contribute/index.html': [0, 0] });
  });

  it("leads the footer's Back to top to the very top of the page, above the masthead and menu", async () => {
    const page = await open(web, 'issues/2/index.html', 1000);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click('.colophon__credit a');
    // `#` is the top of the document, whatever ids a theme's own layout gives.
    const top = await page.evaluate(() => ({ scrollY: window.scrollY, hash: location.hash }));
    await page.close();
    expect(top).toEqual({ scrollY: 0, hash: '' });
  });

  it('prints an issue without leaving a sheet half blank: the editorial and code blocks break across pages, headings stay with their text', async () => {
    const page = await open(web, 'issues/2/index.html', 1000);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return { editorial: style('.editorial').breakInside, code: style('.prose pre').breakInside, codeWidows: style('.prose pre').widows, heading: style('.prose h3').breakAfter };
    });
    await page.close();
    expect(breaks).toEqual({ editorial: 'auto', code: 'auto', codeWidows: '3', heading: 'avoid' });
  });

  it("prints the front page's feature in one column, so no column is left empty on the next sheet", async () => {
    const page = await open(web, 'index.html', 1000);
    const columns = async () => page.evaluate(() => getComputedStyle(document.querySelector('.feature--with-cover')!).gridTemplateColumns.split(' ').length);
    const onScreen = await columns();
    await page.emulateMedia({ media: 'print' });
    expect({ onScreen, onPaper: await columns() }).toEqual({ onScreen: 2, onPaper: 1 });
    await page.close();
  });

  it('numbers the printed pages at their foot, "3 / 16"', async () => {
    // The stylesheet as Chromium reads it: set inline, as a page opened from a file may not read its rules.
    const css = await readFile(path.join(repoRoot, 'themes/default/assets/style.css'), 'utf8');
    const page = await browser.newPage();
    await page.setContent(`<style>${css}</style>`);
    const footers = await page.evaluate(() => {
      const found: string[] = [];
      const visit = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') visit(rule.cssRules);
          if (rule instanceof CSSPageRule) visit(rule.cssRules);
          // A margin box of the page (CSSMarginRule, which TypeScript's DOM types do not have yet).
          const margin = rule as CSSRule & { name?: string; style?: CSSStyleDeclaration };
          if (rule.constructor.name === 'CSSMarginRule') found.push(`${margin.name}: ${margin.style!.getPropertyValue('content')}`);
        }
      };
      visit(document.styleSheets[0]!.cssRules);
      return found;
    });
    await page.close();
    expect(footers).toEqual(['bottom-center: counter(page) " / " counter(pages)']);
  });

  it('draws task-list checkboxes by the size of the text beside them, not at a form control\'s 13.3 pixels', async () => {
    const page = await open(web, 'issues/1/serial-console/index.html', 1000);
    const sizes = await page.evaluate(() => {
      const checkbox = document.querySelector('.task-list-item input')!;
      return { text: getComputedStyle(checkbox.closest('li')!).fontSize, checkbox: getComputedStyle(checkbox).fontSize, side: Math.round(checkbox.getBoundingClientRect().height) };
    });
    await page.close();
    expect(sizes).toEqual({ text: '19px', checkbox: '19px', side: 16 });
  });

  it('leaves no title in the contents with a lone word on its last line, on a phone', async () => {
    const lastLines: Record<string, number> = {};
    for (const issue of [1, 2, 3]) {
      const page = await open(web, `issues/${issue}/index.html`, 360);
      // How many words of each title of two lines or more stand on its last line.
      Object.assign(lastLines, await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.toc__link')].map((link) => {
        const text = link.firstChild as Text;
        let at = 0;
        const tops = text.data.split(' ').map((word) => {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          at += word.length + 1;
          return Math.round(range.getBoundingClientRect().top);
        });
        return [text.data, new Set(tops).size > 1 ? tops.filter((top) => top === tops.at(-1)).length : 2];
      }))));
      await page.close();
    }
    expect(Object.entries(lastLines).filter(([, words]) => words < 2)).toEqual([]);
  });
});

describe('the default theme in forced colours', () => {
  it("marks the menu's current page, and it alone, with a bar under it", async () => {
    const web = await buildWeb(await makeWebzine());
    const page = await browser.newPage({ viewport: { width: 1000, height: 740 } });
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(pathToFileURL(path.join(web, 'about/index.html')).href);
    const bars = await page.evaluate(() => {
      const canvas = getComputedStyle(document.body).backgroundColor;
      return Object.fromEntries([...document.querySelectorAll('.menu__list a')].map((link) => [link.textContent, getComputedStyle(link).borderBottomColor !== canvas]));
    });
    await page.close();
    expect(bars).toEqual({ Home: false, About: true, Authors: false, Tags: false });
  });
});
