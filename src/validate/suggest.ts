// "Did you mean …?": the nearest known name to a misspelt one, by edit distance.

/** The largest edit distance at which `word` still gets a suggestion: max(1, ⌊length/3⌋). */
export function maxEdits(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/**
 * Return the candidate nearest to `word`, or undefined when none is close enough.
 *
 * Distance is the optimal-string-alignment edit distance (insert, delete, substitute, swap two
 * adjacent characters), compared case-insensitively. A candidate qualifies when its distance is
 * at most maxEdits(word); ties go to the earlier candidate. A candidate equal to the word itself
 * is never suggested.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  return createSuggester(candidates)(word);
}

/**
 * Make a `suggest` over a fixed list of candidates for many lookups: candidates are grouped by
 * length and answers remembered per word. After `budget` candidate comparisons in all (default
 * unlimited) it stops suggesting, so thousands of misspellings among thousands of ids stay fast.
 */
export function createSuggester(
  candidates: Iterable<string>,
  budget = Infinity,
): (word: string) => string | undefined {
  // Per length, the candidates in their original order with their index in it.
  const byLength = new Map<number, Array<{ name: string; lower: string; order: number }>>();
  const seen = new Set<string>();
  for (const name of candidates) {
    if (seen.has(name)) continue;
    const entry = { name, lower: name.toLowerCase(), order: seen.size };
    seen.add(name);
    const list = byLength.get(name.length);
    if (list === undefined) byLength.set(name.length, [entry]);
    else list.push(entry);
  }
  let left = budget;
  const memo = new Map<string, string | undefined>();
  return (word) => {
    if (memo.has(word)) return memo.get(word);
    if (word === '' || left <= 0) return undefined;
    const w = word.toLowerCase();
    const k = maxEdits(word);
    let best: { name: string; order: number } | undefined;
    let bestDistance = k;
    search: for (let len = word.length - k; len <= word.length + k; len++) {
      for (const c of byLength.get(len) ?? []) {
        if (c.name === word || Math.abs(len - word.length) > bestDistance) continue;
        if (--left < 0) {
          best = undefined;
          break search;
        }
        const d = editDistance(w, c.lower, bestDistance);
        if (d < bestDistance || (d === bestDistance && (best === undefined || c.order < best.order))) {
          best = c;
          bestDistance = d;
        }
      }
    }
    memo.set(word, best?.name);
    return best?.name;
  };
}

// Rows reused across calls: editDistance runs once per candidate and must not allocate.
let rowBefore = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

/**
 * Optimal-string-alignment distance between `a` and `b` in UTF-16 code units. When the distance
 * exceeds `max`, return some value greater than `max` without finishing the computation.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (rowPrev.length <= m) {
    rowBefore = new Int32Array(m + 1);
    rowPrev = new Int32Array(m + 1);
    rowCur = new Int32Array(m + 1);
  }
  // Three rolling rows: two rows back (for swaps), previous, current.
  let before = rowBefore;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[m]!;
}
