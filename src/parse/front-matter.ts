import { createRequire } from 'node:module';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { placeOf } from '../util/text-place.js';
import { frontMatterFieldsSchema } from './schemas.js';
import { parseYaml, type YamlData } from './yaml-data.js';

/** A Markdown file split into its front matter and its body. */
export interface FrontMatterSplit {
  /** The front matter, or `undefined` when it can not be read (already reported). */
  data: YamlData | undefined;
  /** The Markdown after the front matter. */
  body: string;
  /** How many lines of the file come before the body. */
  bodyLineOffset: number;
}

// gray-matter only splits here: the YAML is parsed by `yaml`, which keeps positions. Passing an
// options object also keeps gray-matter from caching every input for the life of the process.
const splitOptions = { engines: { yaml: () => ({}) } };

// Front matter costs every step after it by its size, names in `authors` most (each becomes a
// contributor on every page that lists them): with one such article in a small webzine, `mimeo check`
// took 56 s over 1 MB of names, 3.7 s over 100 000 characters of them and 2.1 s over 50 000; at 50 000,
// unknown fields, wrong tags, fields given twice and a long summary take it under 0.8 s (0.56 s with
// none). The 5.6 MB of unknown fields a contributor sent took it 10.4 s and 690 MB; refused, 0.6 s.
// The longest front matter of the sample webzine has 561 characters; a real one stays under 2 000.
const maxCharacters = 50_000;

// Loaded when a file is first split (a warm build splits none): it is CommonJS, so `require` can.
let matter: typeof import('gray-matter') | undefined;
const load = createRequire(import.meta.url);

/** Splits the `---` front matter from a Markdown file's text (SPEC §2). */
export function parseFrontMatter(text: string, file: string, report: Report): FrontMatterSplit {
  matter ??= load('gray-matter') as typeof import('gray-matter');
  // gray-matter reads a language after the opening dashes (`---js`) and runs JavaScript front
  // matter: only YAML is read, and a file that asks for another language gets none of it read.
  const language = /^---([^-\r\n][^\r\n]*)?/.exec(text)?.[1]?.trim() ?? '';
  const foreign = language !== '' && !/^ya?ml$/i.test(language);
  if (foreign) reportRule(report, 'front-matter/language', { file, line: 1, column: 4 }, { language });
  // gray-matter ends the front matter at the first line that begins with "---"; without one, it
  // takes the whole file (a body of headings reads as YAML comments), and the body is lost.
  if (opensFrontMatter(text) && !/\n---/.test(text)) {
    reportRule(report, 'front-matter/unclosed', { file, line: 1, column: 1 }, {});
    return { data: undefined, body: '', bodyLineOffset: 0 };
  }
  const split = matter(language === '' ? text : `---${text.slice(text.search(/\r?\n|$/))}`, splitOptions);
  const body = split.content;
  const bodyLineOffset = countLines(text.slice(0, text.length - body.length));
  // `matter` starts with the rest of the opening `---` line, so its line 1 is the file's line 1.
  const yaml = split.matter ?? '';
  if (!foreign && yaml.length > maxCharacters) {
    // Refused before the YAML is read; the body is read all the same, and its links checked.
    reportRule(report, 'front-matter/too-large', { file, line: placeOf(yaml, maxCharacters).line }, { limit: maxCharacters });
    return { data: undefined, body, bodyLineOffset };
  }
  const data = foreign ? undefined : yaml.trim() === '' ? { value: {}, locate: () => ({ line: 1, column: 1 }) } : parseYaml(yaml, { file, schema: frontMatterFieldsSchema }, report);
  return { data, body, bodyLineOffset };
}

/** Whether gray-matter reads `text` as opening with front matter: "---" not followed by a fourth dash. */
function opensFrontMatter(text: string): boolean {
  return text.startsWith('---') && text[3] !== '-';
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
