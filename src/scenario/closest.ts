/**
 * closest.ts - the known name a misspelled one most likely meant (`exprots` -> `exports`), so that
 * an error can say "did you mean ...?".
 */

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/**
 * The known name `name` most likely meant: one that starts with it or that it starts with
 * (`ver`, `modprobe`), else the nearest by edit distance if at most a third of the letters differ.
 */
export function closestName(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const prefixed = name.length >= 3 ? known.find((k) => k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase())) : undefined;
  if (prefixed) return prefixed;
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  if (best === null) return null;
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
  return bestD <= limit ? best : null;
}

/** " (did you mean 'exports'?)" or " (known: a, b, c)". */
export function suggestion(name: string, known: readonly string[]): string {
  const c = closestName(name, known);
  return c ? `did you mean '${c}'?` : `known: ${known.join(', ')}`;
}
