import path from 'node:path/posix';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { LoadedFile } from '../compile/compiled.js';
import { classifyPath, slugOfFile, translationSuffix } from './classify.js';
import { toArticle, toIssue, toPage } from './documents.js';
import { ignoredFieldsOf } from './translation-fields.js';
import { baseLanguageOf } from '../util/language-tags.js';
import { renamedFile } from '../util/renamed-file.js';
import type { Article, Author, Issue, Page, Site, SiteDocument, TextField } from './types.js';

/** A translation file, `20-current.fr.md`, and the original it translates. */
export interface Translation {
  file: LoadedFile;
  /** The original's path: `content/issues/3/20-current.md`. */
  key: string;
}

/**
 * Sorts Markdown files into originals and translations (`<name>.<lang>.md` for a language of
 * site.yml). A file named as a translation into a language the webzine does not list (or into
 * the original edition's own, `language`) is reported and left out: as an original, its name
 * would only be reported as a misspelt slug.
 */
export function splitTranslations(files: readonly LoadedFile[], languages: readonly string[], language: string, report: Report) {
  const originals: LoadedFile[] = [];
  const translations = new Map<string, Translation[]>();
  const present = new Set(files.map((file) => file.path));
  for (const file of files) {
    const written = localeSuffix.exec(file.path)?.[1];
    if (written !== undefined && languages.includes(written)) {
      translations.set(written, [...(translations.get(written) ?? []), { file, key: file.path.replace(translationSuffix, '.md') }]);
      continue;
    }
    // A region written after an underscore (`.fr_FR.md`, as gettext and Java name locales) is the
    // language tag `fr-FR`, told as `.fr-FR.md` is: as an original, its name would only be told
    // to become a slug (`about-fr-fr.md`) or a translation of a translation (`about.fr.fr.md`).
    const tag = written?.replace(/_/g, '-');
    const name = tag === undefined ? undefined : languageName(tag);
    if (written !== undefined && tag !== undefined && name !== undefined) {
      const spelt = languages.find((other) => other.toLowerCase() === tag.toLowerCase());
      const reason = tag.toLowerCase() === language.toLowerCase() ? 'original' : spelt !== undefined ? 'case' : 'unlisted';
      // The name the file is told to take may be another file's already (`about.pt-BR.md` beside `about.pt_BR.md`).
      const listedAs = reason === 'original' ? undefined : (spelt ?? languages.find((other) => other === baseLanguageOf(tag)));
      const renamed = listedAs === undefined ? undefined : file.path.replace(localeSuffix, `.${listedAs}.md`);
      const taken = renamed !== undefined && present.has(renamed) ? path.basename(renamed) : undefined;
      reportRule(report, 'translation/unknown-language', { file: file.path }, { language: tag, written, name, reason, listed: languages, ...(listedAs === undefined ? {} : { listedAs }), ...(taken === undefined ? {} : { taken }) });
      continue;
    }
    originals.push(file);
  }
  return { originals, translations };
}

// The end of a name that may be a translation's, its language in group 1, the subtags after it
// joined by hyphens (`.pt-BR.md`) or by underscores, as other tools write locales (`.pt_BR.md`).
const localeSuffix = /\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.md$/;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The English name of the language `tag` stands for (`fr`: French), or `undefined` when it names none (`old`, `tmp`). */
export function languageName(tag: string): string | undefined {
  try {
    return languageNames.of(tag);
  } catch {
    return undefined;
  }
}

/**
 * The original a translation of the missing `key` most likely follows, when it was renumbered or
 * moved to another issue (`git mv` of the original alone): the one document of its kind and slug, as a
 * path from the root when it is in another folder.
 */
function movedOriginal(key: string, base: Site): string | undefined {
  if (path.basename(key) === 'issue.md') return undefined;
  // A page's translation goes with a page and an article's with an article: `pages/team.fr.md`
  // is not to be moved into an issue beside an article that happens to share its slug.
  const inIssue = (file: string) => file.startsWith('content/issues/');
  const same = [...base.documents.keys()].filter((other) => path.basename(other) !== 'issue.md' && inIssue(other) === inIssue(key) && slugOfFile(other) === slugOfFile(key));
  if (same.length !== 1) return undefined;
  return path.dirname(same[0]!) === path.dirname(key) ? path.basename(same[0]!) : same[0];
}

/**
 * The name of the article of the missing `key`'s folder that it was most likely renamed to
 * (`20-quick-tip.md` for `20-tip.md`), as a link to it is led ({@link renamedFile}), among the
 * originals that have no translation into the language yet (`translated`, their keys).
 */
function renamedOriginal(key: string, base: Site, translated: ReadonlySet<string>): string | undefined {
  if (classifyPath(key).kind !== 'article') return undefined;
  const articles = [...base.documents.values()].filter((document) => document.kind === 'article' && !translated.has(document.key)).map((document) => document.key);
  const renamed = renamedFile(key, articles);
  return renamed === undefined ? undefined : path.basename(renamed);
}

/**
 * The edition of the site in `language`, published under `<language>/`: every document of the
 * original edition, translated where a translation exists and otherwise in the original's
 * language, so an edition is always complete (SPEC §2). Structure (numbers, order, dates,
 * drafts, authors) is the original's; text (title, summary, body) is the translation's, but for a
 * summary or cover text it lacks, shown from the original (`fieldLangs`). A
 * translation of an article or an editorial with `draft: true` is left out of a build without
 * drafts, its original shown.
 */
export function toEdition(base: Site, language: string, translations: readonly Translation[], directory: Map<string, Author>, report: Report, writtenOf: (key: string) => unknown = () => undefined): Site {
  const prefix = `${language}/`;
  const translated = new Map<string, SiteDocument>();
  // Translations that say `draft: true`, by key: unfinished, whatever the original is.
  const unfinished = new Set<string>();
  // Originals that have a translation into this language already: no other is to be renamed to theirs.
  const translatedKeys = new Set(translations.map((translation) => translation.key));
  for (const { file, key } of translations) {
    if (isWrittenDraft(file)) unfinished.add(key);
    const document = base.documents.get(key) ? toTranslated(file, key, language, directory, report) : undefined;
    // A file named as a translation of a translation (`10-first.fr.fr.md`) has none either: its
    // "original" is no document, though as a file it is not one that failed to load.
    const ofTranslation = translationSuffix.test(key);
    if (!base.documents.has(key) && (!base.failed.has(key) || ofTranslation)) {
      // A misspelt original's name (`20-secnd.fr.md`): the file of its folder it most likely translates.
      const folder = path.dirname(key);
      const near = ofTranslation ? undefined : didYouMean(path.basename(key), [...base.documents.keys()].filter((other) => path.dirname(other) === folder).map((other) => path.basename(other)));
      // Else the original renamed to a new slug (`git mv 20-tip.md 20-quick-tip.md`, README), whose new name is far from the old one.
      const renamed = ofTranslation || near !== undefined ? undefined : renamedOriginal(key, base, translatedKeys);
      const meant = ofTranslation ? undefined : (near ?? renamed ?? movedOriginal(key, base));
      const suggestion = meant === undefined ? undefined : meant.replace(/\.md$/, `.${language}.md`);
      reportRule(report, 'translation/missing-original', { file: file.path }, { original: key, ...(suggestion ? { suggestion } : {}), ...(renamed ? { renamedTo: renamed } : {}), ...(ofTranslation ? { translation: true } : {}) });
    }
    if (document) translated.set(key, document);
  }
  const copies = new Map<string, SiteDocument>();
  const heldBack: SiteDocument[] = [];
  for (const original of base.documents.values()) {
    const translation = translated.get(original.key);
    const copy = editionCopy(original, translation, prefix, writtenOf(original.key));
    if (translation && unfinished.has(original.key)) copy.markedDraftTranslation = true;
    // A translation's draft of a published text is held back as a draft of its own would be: the
    // edition shows the original until it is done, as for a text not translated yet (README,
    // Translations). A build with drafts shows it, marked. A page has no drafts: its
    // translation's `draft` is an unknown field, told as such, and holds nothing back.
    if (translation && translation.kind !== 'page' && unfinished.has(original.key) && !original.draft) {
      copy.draft = true;
      if (!base.drafts) {
        heldBack.push(copy);
        copies.set(original.key, editionCopy(original, undefined, prefix));
        continue;
      }
    }
    copies.set(original.key, copy);
  }
  for (const copy of copies.values()) {
    if (copy.kind === 'issue') copy.articles = copy.articles.map((article) => copies.get(article.key) as Article);
  }
  // The original edition's issues are its documents (their article lists already without drafts when drafts are left out).
  const issues = base.issues.map((issue) => copies.get(issue.key) as Issue);
  return { ...base, language, prefix, issues, pages: base.pages.map((page) => copies.get(page.key) as Page), documents: copies, ...(heldBack.length ? { heldBack } : {}) };
}

/** Whether a file's front matter says `draft: true` (an issue without a date is a draft without saying so). */
function isWrittenDraft(file: LoadedFile): boolean {
  const value = file.frontMatter?.value;
  return typeof value === 'object' && value !== null && (value as { draft?: unknown }).draft === true;
}

function toTranslated(file: LoadedFile, key: string, language: string, directory: Map<string, Author>, report: Report): SiteDocument | undefined {
  const place = classifyPath(key);
  const origin = { key, lang: language };
  if (place.kind === 'issue') return toIssue(file, origin, place.folder, place.folderName, directory, report);
  if (place.kind === 'article') return toArticle(file, origin, place.folderName, place.fileName, directory, report);
  if (place.kind === 'page') return toPage(file, origin, place.fileName, report);
  return undefined;
}

/** A document as an edition shows it: the original's place, the translation's text if any. */
function editionCopy(original: SiteDocument, translation: SiteDocument | undefined, prefix: string, written?: unknown): SiteDocument {
  const text = translation ?? original;
  const copy = {
    ...original,
    path: text.path,
    lang: text.lang,
    title: text.title,
    body: text.body,
    anchors: text.anchors,
    fields: text.fields,
    route: prefix + original.route,
    commitAuthors: [],
  } as SiteDocument;
  delete copy.modified;
  delete copy.age;
  if (text.partial) copy.partial = true;
  else delete copy.partial;
  // A text field the translation lacks is the original's, in the original's language, rather
  // than none: the edition would lose the summary and the cover's description (README, Translations).
  const fieldLangs: Partial<Record<TextField, string>> = {};
  if (text.summary !== undefined) copy.summary = text.summary;
  else if (original.summary !== undefined) fieldLangs.summary = original.lang;
  if (copy.kind === 'issue' && text.kind === 'issue' && original.kind === 'issue') {
    if (text.coverAlt !== undefined) copy.coverAlt = text.coverAlt;
    else if (original.cover !== undefined && original.coverAlt !== undefined) fieldLangs.coverAlt = original.lang;
  }
  if (translation && Object.keys(fieldLangs).length) copy.fieldLangs = fieldLangs;
  else delete copy.fieldLangs;
  if (translation) copy.original = { anchors: original.anchors, headings: original.body.headings, draft: original.draft };
  else delete copy.original;
  const ignored = translation ? ignoredFieldsOf(original, translation, written) : [];
  if (ignored.length) copy.ignoredFields = ignored;
  else delete copy.ignoredFields;
  return copy;
}

/** A translation whose original was committed after it (commit order, not dates). */
export interface TranslationBehind {
  translation: SiteDocument;
  original: SiteDocument;
}

/**
 * The translations whose original was committed after them: stale, unless what those commits
 * changed is only what a translation does not translate (see `translatedPart`).
 */
export function translationsBehind(editions: readonly Site[]): TranslationBehind[] {
  const [base, ...others] = editions;
  if (!base) return [];
  const behind: TranslationBehind[] = [];
  for (const edition of others) {
    for (const translation of edition.documents.values()) {
      const original = base.documents.get(translation.key);
      if (!original || translation.path === translation.key || original.age === undefined || translation.age === undefined || original.age >= translation.age) continue;
      if (original.modified && translation.modified) behind.push({ translation, original });
    }
  }
  return behind;
}

/**
 * Marks each stale translation and warns about it: the translation may say something the
 * original no longer does (SPEC §2, translations).
 */
export function markStaleTranslations(stale: readonly TranslationBehind[], report: Report, commitOf: (path: string) => string | undefined = () => undefined): void {
  for (const { translation, original } of stale) {
    translation.staleOriginal = { route: original.route, modified: original.modified! };
    // The translation's last commit, as `git log --oneline --abbrev=12` shows it: what changed in the original since then is the diff from it.
    const since = commitOf(translation.path)?.slice(0, 12);
    reportRule(report, 'translation/stale', { file: translation.path }, { original: original.path, changed: original.modified!.slice(0, 10), translated: translation.modified!.slice(0, 10), ...(since ? { since } : {}) });
  }
}
