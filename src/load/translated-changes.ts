import { parseFrontMatter } from '../parse/front-matter.js';
import { readCommittedTexts } from './git-history.js';

/** An original committed after its translation: its path, and the last commits of both. */
export interface OriginalSince {
  path: string;
  /** The translation's last commit. */
  since: string;
  /** The original's last commit. */
  now: string;
}

// Answers already found, by commits and path: what two commits hold never changes (`mimeo dev`
// asks again at every save).
const known = new Map<string, boolean>();

/**
 * Whether each original changed, between its translation's last commit and its own, something
 * a translation translates (see {@link translatedPart}): publishing an issue (adding its `date`),
 * crediting an editor or reordering articles leaves its translations up to date. Read with one
 * `git cat-file`; an original that the translation's commit does not hold under the same name,
 * or that can not be read, counts as changed.
 */
export async function translatedTextChanged(root: string, originals: readonly OriginalSince[]): Promise<boolean[]> {
  const keyOf = (original: OriginalSince) => `${original.since}\0${original.now}\0${original.path}`;
  const asked = originals.filter((original) => !known.has(keyOf(original)));
  if (asked.length > 0) {
    let texts: Array<string | undefined>;
    try {
      texts = await readCommittedTexts(root, asked.flatMap((original) => [[original.since, original.path] as const, [original.now, original.path] as const]));
    } catch {
      texts = [];
    }
    asked.forEach((original, index) => {
      const [before, after] = [texts[2 * index], texts[2 * index + 1]];
      const translated = before === undefined ? undefined : translatedPart(before);
      const same = translated !== undefined && after !== undefined && translated === translatedPart(after);
      known.set(keyOf(original), !same);
    });
  }
  return originals.map((original) => known.get(keyOf(original)) ?? true);
}

/**
 * What a translation translates of a Markdown file (README, Translations): its title, summary,
 * cover text and body, as the build reads them and as far as a reader can see them (see
 * {@link visibleBody}); `undefined` when its front matter can not be read. Numbers, order, dates,
 * drafts, editors and authors stay the original's.
 */
export function translatedPart(text: string): string | undefined {
  // Committed text is raw bytes: read it as `decodeText` reads the work tree, without a byte
  // order mark and with LF line endings, which README allows either way.
  const decoded = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { data, body } = parseFrontMatter(decoded, '', () => {});
  const fields = data?.value;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
  const { title, summary, coverAlt } = fields as Record<string, unknown>;
  return JSON.stringify([title, summary, coverAlt, visibleBody(body)]);
}

/**
 * A body without what Markdown shows no reader: spaces and tabs at the end of a line, save the
 * two spaces that break a line there when text follows on the next one (CommonMark §6.7), and
 * blank lines before and after the text. An editor that trims lines or ends the file with blank
 * lines then leaves translations up to date.
 */
function visibleBody(body: string): string {
  // Walked back, not matched by `/[ \t]+$/` nor `/\n+$/`, which take time squared over a long run
  // of spaces before other text, or of blank lines before more.
  const lines = body.split('\n').map((line) => {
    const end = endOfText(line, (character) => character === ' ' || character === '\t');
    return line.slice(0, end) + (line.slice(end).endsWith('  ') ? '  ' : '');
  });
  const text = lines.map((line, index) => (line.endsWith('  ') && (lines[index + 1] ?? '').trim() === '' ? line.trimEnd() : line)).join('\n');
  let start = 0;
  while (text[start] === '\n') start++;
  return text.slice(start, Math.max(start, endOfText(text, (character) => character === '\n')));
}

/** Where `text` ends once the characters `trailing` takes are left off its end. */
function endOfText(text: string, trailing: (character: string) => boolean): number {
  let end = text.length;
  while (end > 0 && trailing(text[end - 1]!)) end--;
  return end;
}
