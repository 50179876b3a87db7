// The docs of the search index in list order (newest first, then by id), as integer ranks for fast sorting.
import type { DocSummary } from './doc-summary.js';

export interface RecencyOrder {
  /** Live doc numbers, newest first. */
  docs: Int32Array;
  /** rank[doc] = position of doc in `docs` (dead docs: unspecified). */
  rank: Uint32Array;
}

/** Sorted once per index change, so each search compares integers, not strings and timestamps. */
export function recencyOrder(docs: readonly (DocSummary | undefined)[]): RecencyOrder {
  const live: number[] = [];
  docs.forEach((summary, doc) => {
    if (summary !== undefined) live.push(doc);
  });
  live.sort((x, y) => {
    const a = docs[x];
    const b = docs[y];
    if (a === undefined || b === undefined) return 0;
    return b.importedAt - a.importedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const rank = new Uint32Array(docs.length);
  live.forEach((doc, position) => (rank[doc] = position));
  return { docs: Int32Array.from(live), rank };
}

/** Score in the high part, recency in the low part: one numeric sort ranks best, then newest. */
const RANK_SPAN = 2 ** 24;

/** Hits sorted best score first, then newest first, then by id; `scores[doc]` is the doc's score. */
export function rankHits(
  hits: readonly number[],
  scores: Uint32Array,
  order: RecencyOrder,
): number[] {
  const keys = new Float64Array(hits.length);
  hits.forEach((doc, i) => {
    keys[i] = (scores[doc] ?? 0) * RANK_SPAN + (RANK_SPAN - 1 - (order.rank[doc] ?? 0));
  });
  keys.sort();
  const ranked = new Array<number>(hits.length);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[keys.length - 1 - i] ?? 0;
    ranked[i] = order.docs[RANK_SPAN - 1 - (key % RANK_SPAN)] ?? -1;
  }
  return ranked;
}
