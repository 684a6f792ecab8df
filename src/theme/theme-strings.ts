import path from 'node:path';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { isInside } from '../load/load-sources.js';
import { builtInThemeFolder, type ThemeFile, type ThemeFiles } from '../load/load-theme.js';
import { parseYaml } from '../parse/yaml-data.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { reachableTemplates, templateNames, templatePrefix } from './template-names.js';
import { stringsOfTemplate, stringsReadBy, stringsWithFallback } from './strings-read.js';
import { placeOf } from '../util/text-place.js';
import type { Position } from '../parse/yaml-data.js';

/** The UI strings of one file, and whether it could be read as a map of names to texts. */
export interface StringsFile {
  strings: Record<string, string>;
  readable: boolean;
  /** The file, relative to the root (absolute for the built-in theme's), and where each of its strings is written. */
  file?: { path: string; locate: (key: string) => Position };
}

/**
 * Reads the UI strings files of a theme, each once (its mistakes told once): the files of a
 * language (`fr`) are the built-in theme's, then the webzine theme's over it, key by key.
 */
export function stringsReader(files: ThemeFiles, report: Report): (code: string) => StringsFile[] {
  const read = new Map<ThemeFile, StringsFile>();
  const readFile = (file: ThemeFile): StringsFile => {
    const known = read.get(file);
    if (known) return known;
    const data = parseYaml(file.bytes.toString('utf8').replace(/^\uFEFF/, ''), { file: file.displayPath }, report);
    const value = data?.value;
    const result: StringsFile = { strings: {}, readable: false, ...(data ? { file: { path: file.displayPath, locate: (key: string) => data.locate([key], 'value') } } : {}) };
    if (data && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      result.readable = true;
      for (const [key, text] of Object.entries(value)) {
        if (text === null) reportRule(report, 'theme/string-empty', { file: file.displayPath, ...data.locate([key]) }, { key });
        else if (typeof text === 'object') reportRule(report, 'theme/string-not-text', { file: file.displayPath, ...data.locate([key]) }, { key, got: Array.isArray(text) ? 'a list' : 'a map' });
        else {
          // YAML reads `42` as a number and `true` as a yes-or-no: printed as JavaScript writes them, not always as written (`1.10` is 1.1).
          if (typeof text !== 'string') reportRule(report, 'theme/string-not-quoted', { file: file.displayPath, ...data.locate([key], 'value') }, { key, value: String(text), kind: typeof text === 'boolean' ? 'a yes-or-no value' : 'a number' });
          result.strings[key] = String(text);
        }
      }
    } else if (data) {
      reportRule(report, 'theme/strings-not-map', { file: file.displayPath, line: 1, column: 1 }, {});
    }
    read.set(file, result);
    return result;
  };
  return (code) => {
    const file = files.get(`i18n/${code}.yml`);
    return file ? [...(file.under ? [file.under] : []), file].map(readFile) : [];
  };
}

/**
 * Reports each UI string that a language of the webzine lacks: every key of the theme's
 * English strings must be in the language's (SPEC §6), and, the other way round, every key the
 * webzine theme gives another language of the webzine, and that a template of the theme reads,
 * must be in the language's, English included, which would show nothing in its place (a key no
 * template reads shows nowhere). A language whose strings could not be read is told that once,
 * not once a key.
 */
export function checkStrings(files: ThemeFiles, { name, languages, capsule = true }: { name: string; languages: readonly string[]; capsule?: boolean | undefined }, read: (code: string) => StringsFile[], report: Report): void {
  const english = read('en');
  if (english.length === 0 || english.some((file) => !file.readable)) return;
  const expected = requiredStrings(files, english, capsule);
  const translated = translatedStrings(files, languages, read, stringsReadBy(files, templateNames(files)));
  for (const language of languages) {
    // English falls back on nothing: what it lacks is told in its own file.
    const isEnglish = language.split('-')[0] === 'en';
    const own = isEnglish ? stringChain(language) : stringChain(language).slice(1);
    const found = own.flatMap(read);
    // A missing string goes in the webzine's own theme (the built-in one is mimeo's): where its
    // file is, or would be, relative to the root.
    const ownFile = own.map((code) => files.get(`i18n/${code}.yml`)).filter((file) => file !== undefined && !path.isAbsolute(file.displayPath)).at(-1);
    const place = { file: ownFile?.displayPath ?? `themes/${name}/i18n/${language}.yml` };
    if (!isEnglish && found.length === 0) {
      reportRule(report, 'theme/missing-strings', place, { language });
      continue;
    }
    if (found.some((file) => !file.readable)) continue;
    const present = new Set(found.flatMap((file) => Object.keys(file.strings)));
    // English needs nothing more of the English strings, and so does a regional English (`en-GB`), which falls back on them.
    if (!isEnglish) for (const key of expected.filter((k) => !present.has(k))) reportRule(report, 'theme/missing-string', place, { key, language, from: 'en' });
    const shown = new Set(stringChain(language).flatMap(read).flatMap((file) => Object.keys(file.strings)));
    for (const [key, from] of translated) if (!shown.has(key)) reportRule(report, 'theme/missing-string', place, { key, language, from });
  }
}

/** A language of the webzine, the `language_name` its strings give it, and the file that gives it, for `code` (`pt` for pt-BR without a pt-BR.yml). */
interface LanguageName {
  language: string;
  name: string;
  file: StringsFile;
  code: string;
}

/**
 * Warns of a language of the webzine whose strings give it the `language_name` of another, as a
 * file copied from en.yml and not translated yet does: the language switcher would show two
 * entries of that name. Told at the file of the two that is the webzine's (the later
 * language's when both are), where the name is written, once a language; a name from the
 * built-in theme's files is not the webzine's to change. When both take it from one file (`pt`
 * and `pt-BR` from pt.yml), the one that borrows it is told to have a file of its own, or to
 * give a name in the one it has, which gives none (a pt-BR.yml of other strings). A
 * language whose own files give no `language_name` is told it is missing (see {@link checkStrings}).
 */
export function checkLanguageNames(languages: readonly string[], read: (code: string) => StringsFile[], report: Report): void {
  const named = new Map<string, LanguageName>();
  const told = new Set<string>();
  for (const language of languages) {
    const files = stringChain(language).flatMap((code) => (code === 'en' && language.split('-')[0] !== 'en' ? [] : read(code).map((file) => ({ code, file }))));
    const found = files.findLast(({ file }) => file.strings['language_name'] !== undefined);
    const name = found?.file.strings['language_name'];
    if (found === undefined || name === undefined) continue;
    const later = { language, name, ...found };
    const earlier = named.get(name.trim().toLowerCase());
    if (earlier === undefined) {
      named.set(name.trim().toLowerCase(), later);
      continue;
    }
    const shared = later.file === earlier.file;
    const [warned, other] = toldOf(earlier, later);
    if (!isWebzineFile(warned.file) || told.has(warned.language)) continue;
    told.add(warned.language);
    const { path: place, locate } = warned.file.file;
    // A language that borrows the name may have a file of its own that gives none: the name goes there.
    const hasOwnFile = shared && read(warned.language).some(isWebzineFile);
    const args = { language: warned.language, other: other.language, name, ...nativeName(warned.language), ...(shared ? { from: warned.code, hasOwnFile } : {}) };
    reportRule(report, 'theme/same-language-name', { file: place, ...locate('language_name') }, args);
  }
}

/**
 * Which of two languages of one name to tell, and the other: the one whose file is the
 * webzine's, the later when both are. Of two that take it from one file, the one that borrows
 * it from its base language: the name is the base language's, whose edition changing it would break.
 */
function toldOf(earlier: LanguageName, later: LanguageName): [told: LanguageName, other: LanguageName] {
  if (earlier.file === later.file) return later.code === later.language ? [earlier, later] : [later, earlier];
  return isWebzineFile(later.file) ? [later, earlier] : [earlier, later];
}

/** Whether a strings file is the webzine theme's (its path relative to the root), not the built-in theme's. */
function isWebzineFile(file: StringsFile): file is StringsFile & Required<Pick<StringsFile, 'file'>> {
  return file.file !== undefined && !path.isAbsolute(file.file.path);
}

/** The name of the language `tag` stands for, in that language (`de`: Deutsch), when Intl knows it. */
function nativeName(tag: string): { native?: string } {
  try {
    const native = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
    return native === undefined ? {} : { native };
  } catch {
    return {};
  }
}

/**
 * The UI strings the webzine theme gives the languages of the webzine other than English that
 * are among `used`, each with the first language (`de`, `fr-CA`) whose file has it: a string of
 * the built-in theme's files is the English file's too.
 */
function translatedStrings(files: ThemeFiles, languages: readonly string[], read: (code: string) => StringsFile[], used: ReadonlySet<string>): Map<string, string> {
  const translated = new Map<string, string>();
  for (const code of new Set(languages.flatMap((language) => stringChain(language).slice(1)))) {
    const file = files.get(`i18n/${code}.yml`);
    if (file === undefined || path.isAbsolute(file.displayPath)) continue;
    for (const key of Object.keys(read(code).at(-1)!.strings)) if (used.has(key) && !translated.has(key)) translated.set(key, code);
  }
  return translated;
}

/**
 * The English strings every language must have: those of the theme's own English file (its
 * strings) but those only ever read with a fallback, and those of the built-in file that a template a page can reach uses (one the theme
 * does not override, or one of its own). A theme that makes every page itself, in a language the
 * built-in theme has no strings for, is not asked for strings no page shows.
 */
function requiredStrings(files: ThemeFiles, english: readonly StringsFile[], capsule: boolean): string[] {
  // The built-in file alone (a webzine that translates the built-in theme) is the built-in one.
  const file = files.get('i18n/en.yml');
  const builtInAlone = file !== undefined && file.under === undefined && isInside(file.absolutePath, builtInThemeFolder);
  const [builtIn, own] = file?.under ? english : builtInAlone ? [english[0], undefined] : [undefined, english[0]];
  const used = stringsReadBy(files, reachableTemplates(files, capsule));
  // What is read only with a fallback shows it in a language without it, whatever English has (themes/default/README.md).
  const optional = stringsWithFallback(files, templateNames(files));
  const ownKeys = Object.keys(own?.strings ?? {}).filter((key) => !optional.has(key));
  return [...new Set([...ownKeys, ...Object.keys(builtIn?.strings ?? {}).filter((key) => used.has(key))])];
}

/**
 * Reports each UI string a template prints bare that no strings file of the theme has (the
 * webzine theme's nor the built-in one's, in any language): it would print nothing there, on
 * every page. Where a template tests it (`{% if strings.sponsor %}`) or gives it a default
 * (`strings.tagline | default: "A zine"`), the theme may leave it out, and it is not told; printed
 * bare, it is told once a file, where it is first printed so, as {@link stringsWithFallback}
 * asks every language for it. Not told while a strings file can not be read.
 */
export function checkStringNames(files: ThemeFiles, read: (code: string) => StringsFile[], report: Report): void {
  const codes = [...files.keys()].filter((file) => /^i18n\/[^/]+\.yml$/.test(file)).map((file) => file.slice('i18n/'.length, -'.yml'.length));
  const stringsFiles = codes.flatMap(read);
  if (stringsFiles.some((file) => !file.readable)) return;
  const known = new Set(stringsFiles.flatMap((file) => Object.keys(file.strings)));
  const named = templateNames(files).map((name) => {
    const file = files.get(`${templatePrefix}${name}.liquid`)!;
    return { file, text: file.bytes.toString('utf8'), strings: stringsOfTemplate(files, name) };
  });
  const guardedSomewhere = new Set(named.flatMap(({ strings }) => strings.filter((found) => found.guarded).map((found) => found.key)));
  for (const { file, text, strings } of named) {
    const told = new Set<string>();
    for (const { key, index, guarded } of strings) {
      if (guarded || known.has(key) || told.has(key)) continue;
      told.add(key);
      const place = { file: file.displayPath, ...placeOf(text, index) };
      reportRule(report, 'theme/unknown-string', place, { key, suggestion: didYouMean(key, known), guardedElsewhere: guardedSomewhere.has(key) });
    }
  }
}

/**
 * The strings files a language's UI strings are layered from, each over the one before:
 * English, then the language (`fr`), then the regional language (`fr-CA`), each once.
 */
function stringChain(language: string): string[] {
  return [...new Set(['en', language.split('-')[0]!, language])];
}

/** The UI strings of each language, from its strings files, each over the one before (see {@link stringChain}). */
export function stringsOf(read: (code: string) => StringsFile[]): (language: string) => Record<string, string> {
  const cache = new Map<string, Record<string, string>>();
  return (language) => {
    let strings = cache.get(language);
    if (!strings) {
      strings = Object.assign({}, ...stringChain(language).flatMap(read).map((file) => file.strings)) as Record<string, string>;
      cache.set(language, strings);
    }
    return strings;
  };
}

/**
 * The UI strings a language takes from English, its own files (`ar`, or `fr` and `fr-CA`) lacking
 * them: on its pages they are English words. None for English and a regional English (`en-GB`).
 */
export function englishStringsOf(read: (code: string) => StringsFile[]): (language: string) => ReadonlySet<string> {
  return (language) => {
    const own = new Set(stringChain(language).slice(1).flatMap(read).flatMap((file) => Object.keys(file.strings)));
    const english = language.split('-')[0] === 'en' ? [] : read('en').flatMap((file) => Object.keys(file.strings));
    return new Set(english.filter((key) => !own.has(key)));
  };
}
