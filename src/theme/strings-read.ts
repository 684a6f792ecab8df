import type { ThemeFile, ThemeFiles } from '../load/load-theme.js';
import { readTags, templatePrefix } from './template-names.js';

// The strings mimeo's own code reads (feed titles, the language switcher, footnotes, gemtext
// bylines, tag pages' titles), whatever the templates: a language without them would show English in their place.
const codeStrings = ['and', 'authors', 'back_to_reference', 'by', 'feed_atom', 'feed_rss', 'footnotes', 'home', 'issue', 'issue_number', 'language_name', 'not_found_title', 'tag', 'tags'];

// The strings mimeo's own code reads with a fallback of its own: `colon` (":" in the issue labels of
// feeds and author pages) and `moved` (the English sentence of an alias's page).
const fallbackCodeStrings = ['colon', 'moved'];

/**
 * The UI strings the templates `names` name with a name written out, and those mimeo's own code
 * reads. A string only ever read with a fallback (`{{ strings.colon | default: ":" }}`, `{% if
 * strings.sponsor %}`) shows something, or nothing on purpose, in a language that lacks it: it is not one.
 */
export function stringsReadBy(files: ThemeFiles, names: Iterable<string>): Set<string> {
  const used = new Set<string>(codeStrings);
  for (const name of names) {
    for (const { key, guarded } of stringsOfTemplate(files, name)) if (!guarded) used.add(key);
  }
  return used;
}

/**
 * The UI strings only ever read with a fallback: by the templates of `names`, each of which tests
 * it or gives it a default wherever it names it (`{% if strings.sponsor %}`, `{{ strings.colon |
 * default: ":" }}`), and by mimeo's own code. One a template prints without a fallback, anywhere,
 * is not: a language without it would print nothing there. A language without one of these shows
 * the fallback, or nothing on purpose.
 */
export function stringsWithFallback(files: ThemeFiles, names: Iterable<string>): Set<string> {
  const named = [...names].flatMap((name) => stringsOfTemplate(files, name));
  const printed = new Set(named.filter((found) => !found.guarded).map((found) => found.key));
  const guarded = named.filter((found) => found.guarded).map((found) => found.key);
  return new Set([...fallbackCodeStrings, ...guarded].filter((key) => !printed.has(key)));
}

/**
 * The UI strings template `name` of a theme names ({@link stringsNamedIn}), read once a file:
 * a build asks for those of every template three times over (strings read, strings with a
 * fallback, strings no file has).
 */
export function stringsOfTemplate(files: ThemeFiles, name: string): NamedString[] {
  const file = files.get(`${templatePrefix}${name}.liquid`)!;
  let named = namedByFile.get(file);
  if (named === undefined) namedByFile.set(file, (named = stringsNamedIn(file.bytes.toString('utf8'))));
  return named;
}

const namedByFile = new WeakMap<ThemeFile, NamedString[]>();

// Where Liquid reads names: inside `{{ … }}` and `{% … %}`.
const tag = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
// `strings.contents`, `strings['contents']`; not `page.strings` nor `my_strings`.
const stringName = /(?<![\w.])strings(?:\.([A-Za-z_][\w-]*)|\[\s*(['"])([^'"]+)\2\s*\])/g;
// What Liquid reads of any map, not a string of the theme.
const mapProperties = new Set(['size', 'first', 'last']);

// A tag (or a line of a `{% liquid %}` tag) that opens, goes on with or closes a test: `if`, `unless`, `elsif`, `endif`, `endunless`.
const testTag = /^\s*(?:\{%-?\s*)?(?:liquid\s+)?(if|unless|elsif|endif|endunless)\b/;
// A `default` filter after a name, in the same tag or line.
const defaultFilter = /\|\s*default\b/;

/**
 * A UI string a template names, where in its text, and whether it is read with a fallback there
 * (a string the theme may leave out): tested, given a default, or printed between a test of it
 * and its end (`{% if strings.sponsor %}<p>{{ strings.sponsor }}</p>{% endif %}`).
 */
export interface NamedString {
  key: string;
  index: number;
  guarded: boolean;
}

/** The UI strings a template names with a name written out, each with where in its text. */
export function stringsNamedIn(text: string): NamedString[] {
  const named: NamedString[] = [];
  // The strings each open test reads, innermost last: what is printed inside one of them is guarded.
  const tests: Array<Set<string>> = [];
  for (const found of readTags(text).matchAll(tag)) {
    // A `{% liquid %}` tag holds one tag a line, without delimiters.
    const statements = /^\{%-?\s*liquid\b/.test(found[0]) ? found[0].split('\n') : [found[0]];
    let offset = found.index;
    for (const statement of statements) {
      const test = testTag.exec(statement)?.[1];
      if (test?.startsWith('end')) tests.pop();
      else if (test === 'if' || test === 'unless' || (test === 'elsif' && tests.length === 0)) tests.push(new Set());
      for (const match of statement.matchAll(stringName)) {
        const key = match[1] ?? match[3]!;
        if (mapProperties.has(key)) continue;
        if (test !== undefined) tests.at(-1)?.add(key);
        const guarded = test !== undefined || tests.some((keys) => keys.has(key)) || defaultFilter.test(statement.slice(match.index + match[0].length));
        named.push({ key, index: offset + match.index, guarded });
      }
      offset += statement.length + 1;
    }
  }
  return named;
}
