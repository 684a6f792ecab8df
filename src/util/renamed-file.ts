import path from 'node:path/posix';

/**
 * The one article file of `target`'s folder that `target` (a missing `NN-slug.md`, a path under
 * the root) was most likely renamed to, among `known` (paths under the root): the one with the
 * same slug (renumbered), else the one with the same number, else the one whose slug starts with
 * the missing one, else the one whose slug holds it. Where two files would do, none is picked. Used by a link that leads nowhere and by a
 * translation whose original is gone.
 */
export function renamedFile(target: string, known: readonly string[]): string | undefined {
  const parts = numberAndSlug(target);
  if (parts === undefined || known.includes(target)) return undefined;
  const siblings = known.flatMap((file) => {
    const other = path.dirname(file) === path.dirname(target) ? numberAndSlug(file) : undefined;
    return other === undefined ? [] : [{ file, ...other }];
  });
  const one = (files: typeof siblings) => (files.length === 1 ? files[0]!.file : undefined);
  return (
    one(siblings.filter((sibling) => sibling.slug === parts.slug)) ??
    one(siblings.filter((sibling) => sibling.number === parts.number)) ??
    one(siblings.filter((sibling) => sibling.slug.startsWith(parts.slug))) ??
    one(siblings.filter((sibling) => sibling.slug.includes(parts.slug)))
  );
}

/** The number and slug of an article's file name (`30-doas.md`, `30-doas.fr.md`), if it is one. */
function numberAndSlug(file: string): { number: string; slug: string } | undefined {
  const match = /^(\d+)-(.+?)(?:\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?\.md$/.exec(path.basename(file));
  return match === null ? undefined : { number: match[1]!, slug: match[2]! };
}
