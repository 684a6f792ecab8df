/**
 * Picks the candidate closest to `value`, if one is close enough to be a likely typo: at most a
 * third of the longer word's letters wrong (at least one; a swap of two neighbours counts once),
 * or the same word in another case.
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const allowed = Math.max(1, Math.floor(Math.max(value.length, candidate.length) / 3));
    const d = editDistance(lower, other);
    if (d <= allowed && (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[] = Array.from({ length: rows * columns }, (_, i) => (i < columns ? i : i % columns === 0 ? i / columns : 0));
  const at = (i: number, j: number) => d[i * columns + j]!;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * columns + j] = best;
    }
  }
  return at(rows - 1, columns - 1);
}
