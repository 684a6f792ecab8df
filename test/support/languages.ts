import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect } from 'vitest';
import { fixtures, runCli, temporaryFolder } from './webzine.js';

/** A webzine in English and French (test/fixtures/translations/two-languages). */
export const twoLanguages = path.join(fixtures, 'translations/two-languages');
/** A webzine with an Arabic edition (test/fixtures/translations/arabic-edition). */
export const arabicEdition = path.join(fixtures, 'translations/arabic-edition');

/** Builds the webzine at `root` into a new temporary folder, expecting success, with a reader of its output files. */
export async function build(root: string) {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stderr + run.stdout).toBe(0);
  return { out, run, read: (file: string) => readFile(path.join(out, file), 'utf8') };
}

/** The language a reader's software takes each text node holding `text` in a page's body to be in: the `lang` of its nearest element that has one. */
export function languagesOf(html: string, text: string): string[] {
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
