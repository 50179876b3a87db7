// One merged posting list per first letter, so a one-letter search reads one list, not hundreds.

/**
 * Each entry is `doc * 32 + value`, sorted by doc, where value is the best score the doc gets from
 * any token starting with that letter (computed by `valueOf`). Built once per index change.
 */
export function bucketForPrefix(
  tokens: readonly string[],
  postingsOf: (token: string) => ArrayLike<number>,
  valueOf: (posting: number, token: string) => number,
  docCount: number,
): Uint32Array {
  const best = new Uint8Array(docCount);
  let hits = 0;
  for (const token of tokens) {
    const list = postingsOf(token);
    for (let k = 0; k < list.length; k += 1) {
      const posting = list[k] ?? 0;
      const doc = posting >>> 2;
      const value = valueOf(posting, token);
      const known = best[doc] ?? 0;
      if (known === 0) hits += 1;
      if (value > known) best[doc] = value;
    }
  }
  const bucket = new Uint32Array(hits);
  let at = 0;
  for (let doc = 0; doc < docCount; doc += 1) {
    const value = best[doc] ?? 0;
    if (value > 0) bucket[at++] = doc * 32 + value;
  }
  return bucket;
}
