import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';

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
}

/**
 * Parses YAML 1.2 (core schema: dates stay text, `yes` stays text), reporting syntax errors
 * where they are. Gives `undefined` when the text can not be read.
 */
export function parseYaml(text: string, options: YamlOptions, report: Report): YamlData | undefined {
  const lineOffset = options.lineOffset ?? 0;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const position = toPosition(error.pos[0]);
      reportRule(report, 'yaml/syntax', { file: options.file, ...position }, { reason: firstLine(error.message) }, error);
    }
    return undefined;
  }
  const start = toPosition(0);
  return {
    value: document.toJS() ?? {},
    locate: (path, part = 'key') => locateIn(document, path, part, toPosition) ?? start,
  };
}

function locateIn(
  document: Document,
  path: readonly PropertyKey[],
  part: 'key' | 'value',
  toPosition: (offset: number) => Position,
): Position | undefined {
  for (let length = path.length; length > 0; length--) {
    const parent = document.getIn(path.slice(0, length - 1), true);
    const last = path[length - 1];
    if (!isMap(parent)) continue;
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    if (!pair) continue;
    const node = part === 'value' && length === path.length && pair.value ? pair.value : pair.key;
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return toPosition(range[0]);
  }
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? toPosition(node.range[0]) : undefined;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
