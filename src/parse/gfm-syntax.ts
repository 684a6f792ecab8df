import type { Root } from 'mdast';
import type { Extension as TreeExtension, Transform } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';

// GFM as remark-gfm gives it to micromark and mdast-util-from-markdown, but without the work that
// cannot find anything in a file: it never matches there, and it took 40 % of the parse.
// - micromark tries the email autolink literal at the start of every word, and it needs an `@`;
//   it tries the table at the start of every paragraph line, and it needs a `|` or a delimiter
//   row of one column (`:-`, `-:`). The www and http(s) literals are cheap, but left out as well
//   when they cannot match. A failed attempt leaves no trace in micromark's events.
// - mdast-util-gfm-autolink-literal then looks for literals micromark does not find (in text
//   made of character references, addresses after `mailto:`) with four regular expressions over
//   every text node; each needs an `@`, or `http://`, `https://` or `www.` in any case.
// So the tree is the same either way: test/parse/gfm-syntax.test.ts compares it with remark-gfm's
// on every kind of input.

/** The GFM constructs a Markdown text could hold. */
interface Possible {
  email: boolean;
  protocol: boolean;
  www: boolean;
  table: boolean;
}

const chosen = new Map<string, Extension>();

/** GFM's micromark extension for this text: the same tree as remark-gfm's, found sooner. */
export function gfmSyntaxFor(text: string): Extension {
  const possible: Possible = {
    email: text.includes('@'),
    protocol: /https?:/i.test(text),
    www: /www\./i.test(text),
    table: text.includes('|') || /:-|-:/.test(text),
  };
  const key = Object.values(possible).map(Number).join('');
  let extension = chosen.get(key);
  if (extension === undefined) {
    extension = gfmSyntax(possible);
    chosen.set(key, extension);
  }
  return extension;
}

/**
 * mdast-util-gfm's extensions in its order, with the autolink literals' search through the text
 * left to {@link findLiterals}, for when {@link mayHoldLiteral} says a text may hold one.
 */
export const gfmTrees: TreeExtension[] = [
  { ...gfmAutolinkLiteralFromMarkdown(), transforms: [] },
  gfmFootnoteFromMarkdown(),
  gfmStrikethroughFromMarkdown(),
  gfmTableFromMarkdown(),
  gfmTaskListItemFromMarkdown(),
];

const literalSearches: Transform[] = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/** Turns the autolink literals micromark left in the text of the tree into links, as remark-gfm does. */
export function findLiterals(tree: Root): void {
  for (const search of literalSearches) search(tree);
}

/** Whether the value of a text node may hold an autolink literal {@link findLiterals} would find. */
export function mayHoldLiteral(text: string): boolean {
  return text.includes('@') || /https?:\/\/|www\./i.test(text);
}

/** remark-gfm's extensions in its order (micromark-extension-gfm), leaving out what is impossible. */
function gfmSyntax(possible: Possible): Extension {
  const extensions = [autolinkLiterals(possible), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem()];
  if (possible.table) extensions.splice(3, 0, gfmTable());
  return combineExtensions(extensions);
}

function autolinkLiterals(possible: Possible): Extension {
  const wanted: Record<string, boolean> = {
    emailAutolink: possible.email,
    protocolAutolink: possible.protocol,
    wwwAutolink: possible.www,
  };
  const text: ConstructRecord = {};
  for (const [code, entry] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const constructs = (Array.isArray(entry) ? entry : [entry]) as Construct[];
    // A construct of a later version that this does not know is kept.
    const kept = constructs.filter((construct) => wanted[construct.name ?? ''] ?? true);
    if (kept.length > 0) text[code] = kept;
  }
  return { text };
}
