import type { z } from 'zod';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document } from 'yaml';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { inFileOrder, reportShown, shownPerRule } from '../diagnostics/report-shown.js';
import { aliasBeyond, aliasInsideItself, aliasTargets, maxAliases, maxExpandedSize, unresolvedAlias } from './yaml-aliases.js';
import { quotedValueOf } from './yaml-quoting.js';
import { findForbiddenCharacter, withoutForbiddenCharacters } from '../util/forbidden-characters.js';
import { locateIn, pathAt } from './yaml-locate.js';
import { independentErrors } from './yaml-independent-errors.js';
import { readSimpleYaml } from './yaml-simple.js';

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** Parsed YAML that still knows where each of its values was written. */
export interface YamlData {
  /** The plain value; `{}` for an empty document. */
  value: unknown;
  /** Where the key (or, failing that, the value) at `path` was written; the document's start if nowhere. */
  locate(path: readonly PropertyKey[], part?: 'key' | 'value'): Position;
}

/** Options of {@link parseYaml}. */
export interface YamlOptions {
  /** The file's path relative to the root, for diagnostics. */
  file: string;
  /** How many lines of the file come before the YAML text (default: `0`). */
  lineOffset?: number;
  /**
   * The schema the data is then checked against, for hints that write a value again as its
   * field takes it (default: none, and a value is written again as text).
   */
  schema?: z.ZodType;
}

/**
 * Parses YAML 1.2 (core schema: dates stay text, `yes` stays text), reporting syntax errors
 * where they are. Gives `undefined` when the text can not be read.
 */
export function parseYaml(text: string, options: YamlOptions, report: Report): YamlData | undefined {
  // Front matter is most often simple enough to be read without the library, in a fifth of the
  // time (issue #7); all else, mistakes included, is the library's.
  const simple = readSimpleYaml(text);
  if (!simple) return parseYamlDocument(text, options, report);
  return { value: simple.value, locate: locatorIn(simple.contents, positionsOf(simple.lineCounter, options.lineOffset ?? 0)) };
}

/**
 * Parses any YAML with the `yaml` library, as {@link parseYaml} does what {@link readSimpleYaml}
 * does not read, and checks what it gives: keys given twice, lists or mappings as keys, aliases,
 * characters no page may hold.
 */
export function parseYamlDocument(text: string, options: YamlOptions, report: Report): YamlData | undefined {
  const lineCounter = new LineCounter();
  // Warnings are not printed to the process's standard error: what matters is reported below. Keys
  // given twice are found below: the library compares each key with every one before it, and a
  // mapping of 100 000 keys took it 48 s.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const toPosition = positionsOf(lineCounter, options.lineOffset ?? 0);
  const duplicates = duplicateKeys(document, text);
  if (document.errors.length > 0 || duplicates.length > 0) {
    const errors = inFileOrder(independentErrors(text, [...document.errors, ...duplicates], lineCounter).map((shown) => ({ ...shown, ...toPosition(shown.offset) })));
    const { schema } = options;
    // The field of the value in error, as the parser reads its lines alone, and what its schema
    // takes; at the offset where the error is shown: a `[` never closed is found where its field ends.
    const quoting = ({ code }: YAMLParseError, offset: number, [start, end]: [number, number]) => {
      const path = schema && pathAt(parseDocument(text.slice(start, end), { uniqueKeys: false, logLevel: 'silent' }).contents, offset - start);
      return quotedValueOf(text, { code, pos: [offset, offset + 1] }, schema && path ? { schema, path } : undefined);
    };
    // What the errors past the first ten are, for the one that counts them.
    const twice = errors.slice(shownPerRule).every(({ error }) => error.code === 'DUPLICATE_KEY');
    // The top-level field the error is in, by the key its first line starts with.
    const keyOf = ([start]: [number, number]) => /^([A-Za-z][\w-]*):/.exec(text.slice(start, start + 100))?.[1];
    reportShown('yaml/syntax', errors, options.file, report, ({ error, offset, field }) => ({ reason: reasonOf(text, error), code: error.code, twice, ...maybeKey(keyOf(field)), ...quoting(error, offset, field) }), ({ error }) => error);
    return undefined;
  }
  const start = toPosition(0);
  // A list or mapping as a key (`? [x, y]`) would be turned into text: no front matter means that.
  let collectionKey: Position | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (collectionKey || pair.key === null || isScalar(pair.key)) return;
      const range = (pair.key as { range?: [number, number, number] }).range;
      collectionKey = range ? toPosition(range[0]) : start;
    },
  });
  if (collectionKey) {
    reportRule(report, 'yaml/syntax', { file: options.file, ...collectionKey }, { reason: 'a key must be a single value, not a list or a mapping' });
    return undefined;
  }
  const targets = aliasTargets(document);
  if (targets.size > maxAliases) {
    const alias = [...targets.keys()][maxAliases] as { source: string; range?: [number, number, number] };
    reportRule(report, 'yaml/too-many-aliases', { file: options.file, ...toPosition(alias.range?.[0] ?? 0) }, { alias: alias.source, limit: maxAliases });
    return undefined;
  }
  // An alias inside the value it names (`tags: &a [one, *a]`) makes a value without end.
  const loop = aliasInsideItself(document, targets);
  if (loop) {
    reportRule(report, 'yaml/syntax', { file: options.file, ...toPosition(loop.offset) }, { reason: `the alias *${loop.alias} stands inside the value it names, which would never end`, code: 'ALIAS_LOOP' });
    return undefined;
  }
  // The bound on what aliases copy keeps a "billion laughs" document from taking the build down,
  // and a value copied a hundred times from being megabytes each.
  const grown = aliasBeyond(document, targets, maxExpandedSize);
  if (grown) {
    reportRule(report, 'yaml/too-large', { file: options.file, ...toPosition(grown.offset) }, { alias: grown.alias, limit: maxExpandedSize });
    return undefined;
  }
  let value: unknown;
  try {
    // Not the library's count of aliases (100 by default), which refused 150 copies of one letter: maxAliases bounds them.
    value = document.toJS({ maxAliasCount: -1 }) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    reportRule(report, 'yaml/syntax', { file: options.file, ...(unresolvedAlias(document, toPosition) ?? start) }, { reason }, error);
    return undefined;
  }
  const locate = locatorIn(document.contents, toPosition);
  const forbidden: Array<Position & { code: string; noncharacter: boolean }> = [];
  const clean = withoutForbidden(value, [], (path, found) => forbidden.push({ ...locate(path, 'value'), ...found }));
  const inOrder = inFileOrder(forbidden);
  reportShown('encoding/control-character', inOrder.filter((found) => !found.noncharacter), options.file, report, ({ code }) => ({ code }));
  reportShown('encoding/noncharacter', inOrder.filter((found) => found.noncharacter), options.file, report, ({ code }) => ({ code }));
  return { value: clean, locate };
}

/** Turns an offset in the YAML text into a position in the file. */
function positionsOf(lineCounter: LineCounter, lineOffset: number): (offset: number) => Position {
  return (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
}

/** The `locate` of the YAML whose root node is `contents`: where a path is, or the document's start. */
function locatorIn(contents: unknown, toPosition: (offset: number) => Position): YamlData['locate'] {
  const start = toPosition(0);
  return (path, part = 'key') => locateIn(contents, path, part, toPosition) ?? start;
}

/**
 * Each key given a second time in its mapping, as the library reports it with `uniqueKeys`
 * (keys are the same when their values are: `~` and `null`, `true` and `True`), in linear time.
 * Two keys of a block mapping at different columns are the parser's guess after a mistake
 * (`summary: tags: none` then `tags: [x]`, read as one mapping), not a key given twice.
 */
function duplicateKeys(document: Document, text: string): YAMLParseError[] {
  const columnOf = (offset: number) => offset - text.lastIndexOf('\n', offset - 1);
  const found: YAMLParseError[] = [];
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isMap(node)) {
      // Each key by the offset where it was first written.
      const seen = new Map<unknown, number>();
      for (const pair of node.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
        // Other keys (lists, mappings) are only the same as themselves; NaN is not NaN.
        if (isScalar(key) && !Number.isNaN(key.value)) {
          const offset = key.range?.[0] ?? 0;
          const first = seen.get(key.value);
          if (first === undefined) seen.set(key.value, offset);
          else if (node.flow || columnOf(first) === columnOf(offset)) found.push(new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        walk(pair);
      }
    }
  };
  walk(document.contents);
  return found;
}

// YAML escapes (`"\u0001"`, `"\uFFFF"`) can write characters that no page or feed may hold.
function withoutForbidden(value: unknown, path: PropertyKey[], found: (path: PropertyKey[], forbidden: { code: string; noncharacter: boolean }) => void): unknown {
  if (typeof value === 'string') {
    const forbidden = findForbiddenCharacter(value);
    if (!forbidden) return value;
    found(path, forbidden);
    return withoutForbiddenCharacters(value);
  }
  if (Array.isArray(value)) return value.map((item, index) => withoutForbidden(item, [...path, index], found));
  // Bytes (`!!binary`) hold no characters; taken apart, they would pass for a mapping of numbers.
  if (value instanceof Uint8Array) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutForbidden(item, [...path, key], found)]));
  }
  return value;
}

/** What a syntax error says, in the contributor's terms where the parser's are obscure. */
function reasonOf(text: string, error: { code: string; message: string; pos: [number, number] }): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim();
    if (key) return `"${key.replace(/^(["'])(.*)\1$/, '$2')}" is given twice`;
  }
  // The parser's words for a colon in a value written without quotes are of its grammar.
  const quoting = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? quotedValueOf(text, error) : undefined;
  if (quoting) return `the value of "${quoting.field}" holds a colon that ends a word, which YAML reads as the start of a field inside it`;
  return firstLine(error.message);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function maybeKey(key: string | undefined): { key?: string } {
  return key === undefined ? {} : { key };
}
