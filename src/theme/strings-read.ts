import type { ThemeFiles } from '../load/load-theme.js';
import { readTags, templatePrefix } from './template-names.js';

// The strings mimeo's own code reads (feed titles, the language switcher, footnotes, gemtext
// bylines), whatever the templates: a language without them would show English in their place.
const codeStrings = ['and', 'authors', 'back_to_reference', 'by', 'feed_atom', 'feed_rss', 'footnotes', 'home', 'issue', 'issue_number', 'language_name', 'not_found_title'];

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
    for (const { key, guarded } of stringsNamedIn(files.get(`${templatePrefix}${name}.liquid`)!.bytes.toString('utf8'))) if (!guarded) used.add(key);
  }
  return used;
}

/**
 * The UI strings read with a fallback: by a template of `names`, which tests one or gives it a
 * default (`{% if strings.sponsor %}`, `{{ strings.colon | default: ":" }}`), as a string the
 * theme may leave out (see `checkStringNames`), and by mimeo's own code, unless a template
 * prints it without one. A language without one shows the fallback, or nothing on purpose.
 */
export function stringsWithFallback(files: ThemeFiles, names: Iterable<string>): Set<string> {
  const named = [...names].flatMap((name) => stringsNamedIn(files.get(`${templatePrefix}${name}.liquid`)!.bytes.toString('utf8')));
  const printed = new Set(named.filter((found) => !found.guarded).map((found) => found.key));
  return new Set([...fallbackCodeStrings.filter((key) => !printed.has(key)), ...named.filter((found) => found.guarded).map((found) => found.key)]);
}

// Where Liquid reads names: inside `{{ … }}` and `{% … %}`.
const tag = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
// `strings.contents`, `strings['contents']`; not `page.strings` nor `my_strings`.
const stringName = /(?<![\w.])strings(?:\.([A-Za-z_][\w-]*)|\[\s*(['"])([^'"]+)\2\s*\])/g;
// What Liquid reads of any map, not a string of the theme.
const mapProperties = new Set(['size', 'first', 'last']);

// A test that reads a string (`if`, `unless`, `elsif`), in a tag or on a line of a `{% liquid %}` tag.
const testTag = /^\s*(?:\{%-?\s*)?(?:liquid\s+)?(?:if|unless|elsif)\b/;
// A `default` filter after a name, in the same tag or line.
const defaultFilter = /\|\s*default\b/;

/** A UI string a template names, where in its text, and whether it is tested or given a default there (a string the theme may leave out). */
export interface NamedString {
  key: string;
  index: number;
  guarded: boolean;
}

/** The UI strings a template names with a name written out, each with where in its text. */
export function stringsNamedIn(text: string): NamedString[] {
  const named: NamedString[] = [];
  for (const found of readTags(text).matchAll(tag)) {
    // A `{% liquid %}` tag holds one tag a line, without delimiters.
    const statements = /^\{%-?\s*liquid\b/.test(found[0]) ? found[0].split('\n') : [found[0]];
    let offset = found.index;
    for (const statement of statements) {
      const tested = testTag.test(statement);
      for (const match of statement.matchAll(stringName)) {
        const key = match[1] ?? match[3]!;
        const guarded = tested || defaultFilter.test(statement.slice(match.index + match[0].length));
        if (!mapProperties.has(key)) named.push({ key, index: offset + match.index, guarded });
      }
      offset += statement.length + 1;
    }
  }
  return named;
}
