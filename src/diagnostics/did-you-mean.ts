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

/**
 * Picks the anchor (a heading's id) that `value` most likely meant: a typo ({@link didYouMean}),
 * or else a heading renamed around the words it had (`#history` for `## Our history`): the one
 * id that holds all of its words, or the one that shares more than half the words of both.
 * Where two ids would do, none is picked: no suggestion is better than a wrong one.
 */
export function didYouMeanAnchor(value: string, anchors: readonly string[]): string | undefined {
  const typo = didYouMean(value, anchors);
  if (typo !== undefined) return typo;
  const words = wordsOf(value);
  if (words.size === 0) return undefined;
  const holding = anchors.filter((anchor) => [...words].every((word) => wordsOf(anchor).has(word)));
  if (holding.length > 0) return holding.length === 1 ? holding[0] : undefined;
  const close = anchors.filter((anchor) => {
    const other = wordsOf(anchor);
    const shared = [...words].filter((word) => other.has(word)).length;
    return shared * 2 > Math.max(words.size, other.size);
  });
  return close.length === 1 ? close[0] : undefined;
}

/** The words of an id, as GitHub's slugs join them: `our-history-1` is our, history, 1. */
function wordsOf(id: string): Set<string> {
  return new Set(id.toLowerCase().split(/[-_]+/).filter(Boolean));
}
