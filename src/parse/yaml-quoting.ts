import type { z } from 'zod';
import { whatFieldTakes } from './field-schema.js';
import { readSimpleScalar, type ScalarContext } from './yaml-simple-scalar.js';

/** A field whose plain value YAML could not read, and the same line with the value in quotes. */
export interface QuotedValue {
  /**
   * The field's name, as written before its colon; for an item of a list written one per line
   * (`- @ada`), its key, the list's name and the item's index (`authors.1`).
   */
  field: string;
  /**
   * The field written again with its whole value in quotes, in the form the field takes: `title: "Colon: bad"`,
   * `authors: ["@ada"]` for a list, `- "@ada"` for an item; over several lines when the value is.
   * Left out when the field takes no text (a number, a date): then `expected` says what it takes.
   */
  quoted?: string;
  /** What the field takes when quotes would not mend its value: `a number`, `true or false`. */
  expected?: string;
  /**
   * Whether `quoted` writes the value as several items, one for each part a comma separates
   * (`authors: ["@ada", "@bob"]` for `authors: @ada, @bob`), rather than as one (default: `false`).
   */
  split?: boolean;
}

/** The schema a file's data is checked against, and the path of the value in error, to tell what the field takes. */
export interface QuotedField {
  schema: z.ZodType;
  path: readonly PropertyKey[];
}

/**
 * For a syntax error at the start of a field's value written without quotes, the field and how
 * to write it in quotes; `undefined` for any other error. Three errors start there: a value that
 * holds a colon before a space or the line's end (`title: Colon: bad`), which YAML reads as a
 * mapping inside the value (`BLOCK_AS_IMPLICIT_KEY`), one that starts with a character YAML
 * reserves (`title: @handle news`, `BAD_SCALAR_START`), and, for a field that takes text, one
 * that starts with a `[` or `{` never closed (`title: [unclosed`, `BAD_INDENT` shown where it
 * opens), which YAML reads as a list or mapping; that of a list field, of its item or of a field
 * the schema does not tell is rather a list to close. With the field's schema, the value is
 * written as the field takes it: in a list for a list of text, and not at all for a number, a
 * date or true or false, which quotes would make text the field refuses. A list's value, or an
 * item of a list written one per line, with commas (`authors: @ada, @bob`) is written as an item
 * for each part, since one pair of quotes would make it one item, `@ada, @bob`, which builds
 * without a word.
 */
export function quotedValueOf(text: string, error: { code: string; pos: [number, number] }, known?: QuotedField): QuotedValue | undefined {
  const offset = error.pos[0];
  const unclosed = error.code === 'BAD_INDENT' && (text[offset] === '[' || text[offset] === '{');
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'BAD_SCALAR_START' && !unclosed) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const inFlow = error.code === 'BAD_SCALAR_START' ? flowItemsQuoted(text, lineStart, offset) : undefined;
  if (inFlow) return inFlow;
  // The field's name before its colon, after the indentation and the dashes of list items; or
  // the dash of an item of a list (`  - @ada`).
  const field = /^([ \t]*(?:-[ \t]+)*)(?:([^\s#'"[\]{},][^:#]*?|"[^"]*"|'[^']*'):[ \t]+)?$/.exec(text.slice(lineStart, offset));
  if (!field || (field[2] === undefined && !field[1]!.trimEnd().endsWith('-'))) return undefined;
  const lines = valueLines(text, offset, field[1]!.length);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && !isColonInValue(lines)) return undefined;
  const item = field[2] === undefined;
  // The name of an item is its list's, and the list's name is known only from the schema's reading of the file.
  if (item && (known === undefined || typeof known.path.at(-1) !== 'number')) return undefined;
  const name = item ? known!.path.map(String).join('.') : field[2]!.replace(/^(["'])(.*)\1$/, '$2');
  // YAML reads the lines of a value in quotes as one text, joined by spaces.
  const takes = known && whatFieldTakes(known.schema, known.path, lines.join(' '));
  // An item of a list field is text too, but `- [ada` under `authors:` is rather a list mistyped than an author named `[ada`.
  if (unclosed && (item || takes?.takes !== 'text')) return undefined;
  if (takes?.takes === 'other') return { field: name, expected: takes.expected };
  const items = takes?.takes === 'list' || (item && takes?.takes === 'text') ? itemsOf(lines) : undefined;
  if (items && item) {
    // Each item on a line of its own, its dash under the one written (`- - @a, @b` is a list in a list).
    const dash = ' '.repeat(field[1]!.trimEnd().length - 1 - field[1]!.search(/\S/));
    return { field: name, split: true, quoted: items.map((part) => `- ${inQuotes([part])}`).join(`\n${dash}`) };
  }
  if (items) return { field: name, split: true, quoted: `${field[2]}: [${items.map((part) => inQuotes([part])).join(', ')}]` };
  const quoted = takes?.takes === 'list' ? `[${inQuotes(lines)}]` : inQuotes(lines);
  return { field: name, quoted: `${item ? '-' : `${field[2]}:`} ${quoted}` };
}

/**
 * A list written in brackets on one line whose item at `offset` starts with a character YAML
 * reserves (`authors: [@ada, grace]`), written again with each item in quotes, as the hint
 * says (`authors: ["@ada", "grace"]`); `undefined` for anything else.
 */
function flowItemsQuoted(text: string, lineStart: number, offset: number): QuotedValue | undefined {
  const flow = /^([^\s#'"[\]{},][^:#]*?):[ \t]+\[/.exec(text.slice(lineStart, offset));
  if (!flow) return undefined;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const items = flowItems(text.slice(lineStart + flow[0].length, lineEnd));
  if (!items) return undefined;
  const quoted = items.map((item) => (/^(["']).*\1$/.test(item) ? item : inQuotes([item])));
  return { field: flow[1]!, split: true, quoted: `${flow[1]!}: [${quoted.join(', ')}]` };
}

/**
 * The items of a list in brackets, from after its `[` (the rest of its line), as written, the
 * spaces around them aside: a comma or `]` inside an item in quotes (`"grace, jr"`, `"x [draft]"`)
 * is the item's own; `undefined` when the list does not close on the line, or holds a list or map.
 */
function flowItems(rest: string): string[] | undefined {
  const items: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let at = 0; at < rest.length; at++) {
    const character = rest[at]!;
    if (quote === '"' && character === '\\') at++;
    else if (quote !== undefined) {
      // In single quotes, '' is a quote written inside them.
      if (character === quote && !(quote === "'" && rest[at + 1] === "'")) quote = undefined;
      else if (character === quote) at++;
    } else if ((character === '"' || character === "'") && rest.slice(start, at).trim() === '') quote = character;
    else if (character === '[' || character === '{') return undefined;
    else if (character === ',' || character === ']') {
      const item = rest.slice(start, at).trim();
      if (item !== '') items.push(item);
      if (character === ']') return items;
      start = at + 1;
    }
  }
  return undefined;
}

/**
 * The parts a comma separates in a value's lines, which YAML reads as one text joined by spaces,
 * each without the spaces around it and empty ones left out, a part already in quotes without
 * them; `undefined` when the value holds no comma, or nothing but commas.
 */
export function itemsOf(lines: readonly string[]): string[] | undefined {
  const text = lines.join(' ');
  if (!text.includes(',')) return undefined;
  // A comma inside a part already in quotes (`@ada, "bob, jr"`) is the part's own, and the quotes go.
  const parts = text.match(/(?:"[^"]*"|'[^']*'|[^,"'])+/g) ?? [];
  const items = parts.map((part) => part.trim().replace(/^"([^"]*)"$|^'([^']*)'$/, (_quoted, double?: string, single?: string) => double ?? single ?? '')).filter((part) => part !== '');
  return items.length > 0 ? items : undefined;
}

/**
 * The lines of a plain value that starts at `offset`: the rest of its line, then the lines
 * indented deeper than its field (`indent`), up to a comment (` #`) or a line that is not.
 */
function valueLines(text: string, offset: number, indent: number): string[] {
  const lines: string[] = [];
  let start = offset;
  while (start <= text.length) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    const comment = line.search(/[ \t]#/);
    const words = (comment < 0 ? line : line.slice(0, comment)).trim();
    if (lines.length > 0 && (words === '' || line.search(/\S/) <= indent || line.trimStart().startsWith('#'))) break;
    lines.push(words);
    if (comment >= 0 || end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/**
 * Whether the colon that made YAML read a mapping is one of the value's words: on its first line
 * (`title: Colon: bad`), or after more than one word of a line below (`and ends with this:`). A
 * line below that starts with a name and a colon (`  authors: [ada]`) is rather a field indented
 * too deep, which quotes would hide.
 */
function isColonInValue(lines: readonly string[]): boolean {
  const index = lines.findIndex((line) => /:(?:[ \t]|$)/.test(line));
  if (index < 0) return false;
  return index === 0 || !/^[\w-]+:(?:[ \t]|$)/.test(lines[index]!);
}

/**
 * A value's lines in quotes, the lines below its first indented by two spaces, as YAML reads them
 * alike: in double quotes, or in single quotes (where `'` is written twice) when the value holds a
 * `"` or a backslash, which double quotes would read as the start of an escape.
 */
export function inQuotes(lines: readonly string[]): string {
  const single = lines.some((line) => /["\\]/.test(line));
  const quote = single ? "'" : '"';
  const written = lines.map((line) => (single ? line.replaceAll("'", "''") : line));
  return `${quote}${written.join('\n  ')}${quote}`;
}

/** A list field's value written as one text, written again as the list the field takes (see {@link asList}). */
export interface ListedValue {
  /** The field and its value as a list: `tags: [news, tips]`, or over lines, an item a line. */
  listed: string;
  /** For items written one per line without the space after their dash, which `listed` puts back, the first as written (`-news`). */
  dashed?: string;
}

/**
 * A value `field` takes as a list but which YAML read as one text, written again as that list:
 * `tags: [news, tips]` for `tags: news, tips`, an item for each part a comma separates, in
 * quotes only where YAML would read it otherwise (`"a: b"`, `"true"`). Items written one per line
 * without a space after their dash (`  -news` under `tags:`) are one text to YAML, `-news -tips`:
 * they are written again one per line with the space. `undefined` for a value of no words.
 */
export function asList(field: string, value: string): ListedValue | undefined {
  const words = value.trim();
  if (/^-[^\s-]/.test(words)) {
    // One space before each dash, not a run (`\s+`), which is tried again from each of its spaces.
    const written = words.split(/\s(?=-[^\s-])/).map((item) => item.trim());
    return { listed: `${field}:${written.map((item) => `\n  - ${asWritten(item.slice(1).trim(), 'block')}`).join('')}`, dashed: written[0]! };
  }
  const items = itemsOf([words]) ?? (words === '' ? [] : [words]);
  return items.length === 0 ? undefined : { listed: `${field}: [${items.map((item) => asWritten(item, 'flow')).join(', ')}]` };
}

/** `item` as YAML reads it back as that text where `context` says: as it is when it can, else in quotes. */
function asWritten(item: string, context: ScalarContext): string {
  const read = readSimpleScalar(item, 0, context);
  return read !== undefined && read.value === item && read.end === item.length ? item : inQuotes([item]);
}
