import path from 'node:path/posix';

/**
 * The name a file meant as a translation should have, when its name ends in one of `languages`
 * (the translated editions') after a hyphen, an underscore or a dot, as other tools name them:
 * `about_fr.md` and `10-first-fr.md` are `about.fr.md` and `10-first.fr.md`. `undefined` otherwise.
 */
export function translationNameOf(fileName: string, languages: readonly string[]): string | undefined {
  const match = /^(.+?)[-_.]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.md$/i.exec(fileName);
  if (!match) return undefined;
  const tag = languages.find((language) => language.toLowerCase() === match[2]!.replace(/_/g, '-').toLowerCase());
  return tag === undefined ? undefined : `${match[1]!}.${tag}.md`;
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
