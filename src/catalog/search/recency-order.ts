// The docs of the search index in list order (newest first, then by id), as integer ranks for fast sorting.
import type { DocSummary } from './doc-summary.js';

/** The live docs newest first, and each doc's rank in that order. */
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

/**
 * The first `count` hits sorted best score first, then newest first, then by id; `scores[doc]` is
 * the doc's score. A page of 24 out of 10,000 hits is selected, not sorted in full.
 */
export function rankHits(
  hits: readonly number[],
  scores: Uint32Array,
  order: RecencyOrder,
  count = hits.length,
): number[] {
  const keys = new Float64Array(hits.length);
  hits.forEach((doc, i) => {
    keys[i] = (scores[doc] ?? 0) * RANK_SPAN + (RANK_SPAN - 1 - (order.rank[doc] ?? 0));
  });
  const best = count * 8 < keys.length ? largest(keys, count) : keys.sort().reverse();
  const ranked = new Array<number>(Math.min(count, best.length));
  for (let i = 0; i < ranked.length; i += 1) {
    const key = best[i] ?? 0;
    ranked[i] = order.docs[RANK_SPAN - 1 - (key % RANK_SPAN)] ?? -1;
  }
  return ranked;
}

/** The `count` largest values, largest first, through a min-heap of that size. */
function largest(values: Float64Array, count: number): Float64Array {
  const heap = new Float64Array(count);
  let size = 0;
  const siftDown = (start: number): void => {
    let at = start;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let smallest = at;
      if (left < size && (heap[left] ?? 0) < (heap[smallest] ?? 0)) smallest = left;
      if (right < size && (heap[right] ?? 0) < (heap[smallest] ?? 0)) smallest = right;
      if (smallest === at) return;
      [heap[at], heap[smallest]] = [heap[smallest] ?? 0, heap[at] ?? 0];
      at = smallest;
    }
  };
  for (const value of values) {
    if (size < count) {
      let at = size++;
      heap[at] = value;
      // Sift up.
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if ((heap[parent] ?? 0) <= value) break;
        heap[at] = heap[parent] ?? 0;
        heap[parent] = value;
        at = parent;
      }
    } else if (value > (heap[0] ?? 0)) {
      heap[0] = value;
      siftDown(0);
    }
  }
  return heap.subarray(0, size).sort().reverse();
}
