import { classifyPath, translationSuffix } from '../model/classify.js';
import type { ContentFile } from './content-index.js';
import type { Plan } from './types.js';
import { suggestLanguageTag } from '../util/language-tags.js';

/** What a translation plan needs: the file to translate, the language, and the webzine's files and languages. */
export interface TranslationRequest {
  /** The original, relative to the root: `content/issues/3/20-current.md`. */
  file: string;
  language: string;
  /** The languages of site.yml's `languages`. */
  languages: readonly string[];
  /** The original edition's language, site.yml's `language`. */
  originalLanguage: string;
  files: readonly ContentFile[];
}

/**
 * Plans `<name>.<lang>.md` beside an original: a copy of it, front matter and body, with a note
 * saying what to translate (SPEC §2, translations). Structure (date, authors, order) stays the
 * original's whatever the copy says, so only the text needs a translator.
 */
export function planTranslation({ file, language, languages, originalLanguage, files }: TranslationRequest): Plan {
  if (!languages.includes(language)) {
    const known = languages.length ? `the languages of site.yml are ${languages.join(', ')}` : 'site.yml lists no other language in `languages`';
    if (standsFor(language).toLowerCase() === originalLanguage.toLowerCase()) {
      const into = languages.length ? `the languages to translate it into are ${languages.join(', ')}` : known;
      return { refusal: { kind: 'usage', message: `"${file}" is in ${originalLanguage} already, the webzine's original language (language: ${originalLanguage} in site.yml); ${into}` } };
    }
    const meant = listedAs(language, languages);
    return { refusal: { kind: 'usage', message: `"${language}" is not a language of the webzine: ${known}${meant === undefined ? '' : `. Did you mean ${meant}?`}` } };
  }
  const original = files.find((candidate) => candidate.path === file);
  if (!original) return { refusal: { kind: 'usage', message: `there is no file "${file}" under content/: give the path of the file to translate, like content/issues/3/20-current.md` } };
  const name = file.replace(/^.*\//, '');
  const translated = translationSuffix.exec(name.replace(/^[^.]*/, ''));
  if (translated) {
    const into = languages.find((listed) => listed.toLowerCase() === translated[1]!.toLowerCase());
    if (into !== undefined) {
      const source = file.slice(0, file.length - translated[0].length) + '.md';
      const message = `"${file}" is a translation (into ${into}) of ${source.replace(/^.*\//, '')}; translate the original: mimeo new translation ${source} ${language}`;
      return { refusal: { kind: 'usage', message } };
    }
  }
  if (original.text === undefined || !['issue', 'article', 'page'].includes(classifyPath(file).kind) || translated) {
    return { refusal: { kind: 'usage', message: `"${file}" is not an issue.md, an article or a page of content/ to translate` } };
  }
  const path = file.replace(/\.md$/, `.${language}.md`);
  const note = `<!-- Translation into ${language} of ${file.replace(/^.*\//, '')}: translate the title, the summary and the text below,\n     and keep the rest of the front matter as it is. Remove this note when you are done. -->\n\n`;
  // After the front matter, however its lines end, and when nothing follows it.
  const text = original.text.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)(?:\r?\n)?/, (frontMatter) => `${frontMatter.trimEnd()}\n\n${note}`);
  return { files: [{ path, text: text === original.text ? note + original.text : text }] };
}

/** The language of site.yml that `language` stands for when written otherwise (`PT-br`, `pt_BR`, `French`), if any. */
function listedAs(language: string, languages: readonly string[]): string | undefined {
  const tag = standsFor(language);
  return languages.find((listed) => listed.toLowerCase() === tag.toLowerCase());
}

/** The tag `language` stands for: itself, or the tag it is written otherwise for (`PT-br`, `pt_BR`, `French`). */
function standsFor(language: string): string {
  return suggestLanguageTag(language)?.tag ?? language.replaceAll('_', '-');
}
