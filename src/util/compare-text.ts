/**
 * Orders two texts by their UTF-16 code units, as `Array.prototype.sort` does without a
 * comparator: the same order on every machine, whatever its locale (unlike `localeCompare`).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
