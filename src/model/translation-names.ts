import path from 'node:path/posix';

/**
 * The name a file meant as a translation should have, when its name ends in one of `languages`
 * (the translated editions') after a hyphen, an underscore or a dot, as other tools name them:
 * `about_fr.md` and `10-first-fr.md` are `about.fr.md` and `10-first.fr.md`. `undefined` otherwise.
 */
export function translationNameOf(fileName: string, languages: readonly string[]): string | undefined {
  const stem = fileName.replace(/\.md$/i, '');
  if (stem === fileName) return undefined;
  // The longest language the name ends with (`pt-BR` before `br`), its own case aside.
  const written = stem.replace(/_/g, '-').toLowerCase();
  const sorted = [...languages].sort((a, b) => b.length - a.length);
  // A region after the language, in capitals as locales write it (`about_fr_FR.md`, `10-first-fr-FR.md`):
  // no slug has capitals, so a lowercase `-de-at` stays a slug's words.
  const region = /[-_.]([a-zA-Z]{2,3})[-_]([A-Z]{2}|\d{3})$/.exec(stem);
  const regional = region && sorted.find((listed) => listed.toLowerCase() === region[1]!.toLowerCase());
  if (region && regional !== undefined && region.index > 0) return `${stem.slice(0, region.index)}.${regional}.md`;
  const tag = sorted.find((language) => written.length > language.length + 1 && /[-.]/.test(written[written.length - language.length - 1]!) && written.endsWith(language.toLowerCase()));
  return tag === undefined ? undefined : `${stem.slice(0, stem.length - tag.length - 1)}.${tag}.md`;
}

/**
 * Where a Markdown file kept in a folder of its language, as other generators keep them
 * (`content/fr/issues/1/10-first.md`, `content/issues/1/fr/10-first.md`), goes in mimeo: beside
 * its original, the language in its name (`content/issues/1/10-first.fr.md`).
 */
export function translationPathOf(file: string, languages: readonly string[]): string | undefined {
  const folders = path.dirname(file).split('/');
  const at = folders.findIndex((folder) => languages.includes(folder));
  if (at < 0) return undefined;
  const rest = [...folders.slice(0, at), ...folders.slice(at + 1)].join('/');
  return `${rest}/${path.basename(file, '.md')}.${folders[at]!}.md`;
}
