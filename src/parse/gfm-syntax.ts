import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';

// GFM's syntax, as remark-gfm gives it to micromark, but without the constructs a file's text
// cannot start: they never match there, and two of them cost a third of the parse when tried.
// - The email autolink literal is tried at the start of every word, and needs an `@`.
// - The table is tried at the start of every paragraph line, and needs a `|`, or a delimiter row
//   of one column (`:-`, `-:`).
// The www and http(s) literals are cheap, but left out as well when they cannot match.
// A failed attempt leaves no trace in micromark's events, so the tree is the same either way
// (test/parse/gfm-syntax.test.ts compares it with remark-gfm's on every kind of input).

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
