import { parseIssueNumber } from '../model/classify.js';

/** The next issue: one more than the highest issue number, and its folder name. */
export interface NextIssue {
  number: number;
  /** The number, zero-padded to the width all existing folders share (`007` after `006`). */
  folderName: string;
}

/** The next issue after the issue folders `folderNames`; folders that are not numbers are ignored. */
export function nextIssue(folderNames: readonly string[]): NextIssue {
  const numbered = folderNames.filter((name) => parseIssueNumber(name) !== undefined);
  const number = Math.max(0, ...numbered.map((name) => Number(name))) + 1;
  return { number, folderName: String(number).padStart(sharedWidth(numbered) ?? 1, '0') };
}

/** The order of the next article of an issue and its file name prefix. */
export interface NextOrder {
  order: number;
  /** The order, with at least two digits, or as many as every existing prefix has (`010`). */
  prefix: string;
}

/**
 * The order of a new article among the issue's files `fileNames`: the next multiple of 10 after
 * the highest `NN-` prefix (10 in an issue without articles).
 */
export function nextArticleOrder(fileNames: readonly string[]): NextOrder {
  const prefixes = fileNames.flatMap((name) => /^(\d{1,9})-.*\.md$/i.exec(name)?.[1] ?? []);
  const highest = Math.max(0, ...prefixes.map(Number));
  const order = (Math.floor(highest / 10) + 1) * 10;
  return { order, prefix: String(order).padStart(Math.max(2, sharedWidth(prefixes) ?? 2), '0') };
}

/** The length every one of `digits` has, or `undefined` when they differ or there are none. */
function sharedWidth(digits: readonly string[]): number | undefined {
  const widths = new Set(digits.map((text) => text.length));
  return widths.size === 1 ? [...widths][0] : undefined;
}
