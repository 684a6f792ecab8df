import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../support/vnu.js';
import { fixtures, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const arabicEdition = path.join(fixtures, 'translations/arabic-edition');

async function build(root: string) {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stderr + run.stdout).toBe(0);
  return { out, run, read: (file: string) => readFile(path.join(out, file), 'utf8') };
}

/** The language a reader's software takes each text node holding `text` in a page's body to be in: the `lang` of its nearest element that has one. */
function languagesOf(html: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent, language: string) => {
    if (node.type === 'text' && node.value.includes(text)) found.push(language);
    if (!('children' in node) || (node.type === 'element' && node.tagName === 'head')) return;
    const own = node.type === 'element' ? (node as Element).properties['lang'] : undefined;
    for (const child of node.children) visit(child, typeof own === 'string' ? own : language);
  };
  visit(fromHtml(html), '');
  return found;
}

describe('the tags of a translated article', () => {
  it("are marked with the original's language, the words they stay in, not the edition's; the original edition marks none", async () => {
    const root = await makeWebzine(arabicEdition);
    const { read, out } = await build(root);
    const arabic = await read('web/ar/issues/1/first/index.html');
    expect(arabic).toContain('<li class="tag" lang="en" dir="ltr">news</li>');
    expect(languagesOf(arabic, 'news')).toEqual(['en']);
    // The article is translated: its title is the edition's.
    expect(languagesOf(arabic, 'المقال الأول')).toEqual(['ar', 'ar']);
    expect(await read('web/issues/1/first/index.html')).toContain('<li class="tag">news</li>');
    expect(await checkHtml([path.join(out, 'web/ar/issues/1/first')])).toEqual([]);
  });
});
