import popular from './data/known-packages.json' with { type: 'json' };

const POPULAR = new Set(popular.packages.filter((name) => !name.endsWith('/*')));

/**
 * The popular package a name is one or two edits away from (a letter missing, added, changed or
 * two swapped: `recat`, `expresss`, `lodahs`), which is what a typo or a typo-squat looks like.
 * Names on the list, and names of four letters or fewer (too many real ones are that close),
 * are never suspects.
 */
export function lookalikeOf(name: string, extra: ReadonlySet<string> = new Set()): string | undefined {
  if (POPULAR.has(name) || extra.has(name) || name.length <= 4) return undefined;
  const limit = name.length <= 6 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of POPULAR) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(name, candidate, limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps), giving up past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
