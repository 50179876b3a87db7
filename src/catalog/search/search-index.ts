// In-memory search over the catalog: an inverted index of tokens → small doc numbers, no texts kept.
import { matchesFilters, summarize, type CatalogFilters, type DocSummary } from './doc-summary.js';
import { SNAPSHOT_VERSION, type IndexSnapshot } from './index-snapshot.js';
import { PostingLists } from './posting-lists.js';
import { CLASS_SCORE, fieldTokens } from './field-tokens.js';
import { bucketForPrefix } from './prefix-buckets.js';
import { rankHits, recencyOrder, type RecencyOrder } from './recency-order.js';
import { SortedTokens } from './sorted-tokens.js';
import { tokenize } from './tokenize.js';
import type { ComparisonListing, ComparisonRecord } from '../types.js';

export type { CatalogFilters } from './doc-summary.js';

/** The categories and entry prices present in the catalog, sorted. */
export interface CatalogFacets {
  categories: string[];
  entries: string[];
}

/**
 * Each posting is `doc * 4 + fieldClass`; docs are numbered in the order they were added, so every
 * posting list is sorted. A removed doc leaves dead postings until enough pile up to compact.
 */
export class CatalogSearchIndex {
  private postings = new PostingLists();
  private readonly vocabulary = new SortedTokens();
  private docs: (DocSummary | undefined)[] = [];
  private docByRecord = new Map<string, number>();
  private deadDocs = 0;
  private readonly categoryCounts = new Map<string, number>();
  private readonly entryCounts = new Map<string, number>();
  private readonly strings = new Map<string, string>();
  /** Derived from the docs and dropped on every change; `warm()` rebuilds them ahead of a search. */
  private order: RecencyOrder | null = null;
  private buckets = new Map<string, Uint32Array>();

  /** An index from a saved snapshot (see `snapshot`). */
  static restore(saved: IndexSnapshot): CatalogSearchIndex {
    const index = new CatalogSearchIndex();
    index.postings = PostingLists.unpack(saved.tokens, saved.postings);
    index.vocabulary.replaceAll(saved.tokens);
    index.docs = saved.docs.map((summary) => summary ?? undefined);
    index.docs.forEach((summary, doc) => {
      if (summary === undefined) {
        index.deadDocs += 1;
        return;
      }
      index.docByRecord.set(summary.id, doc);
      summary.categories.forEach((c) => bump(index.categoryCounts, c, 1));
      summary.entries.forEach((e) => bump(index.entryCounts, e, 1));
    });
    return index;
  }

  /** Everything needed to restore this index, as plain data and typed arrays. */
  snapshot(revision: unknown): IndexSnapshot {
    const tokens = [...this.vocabulary.all()];
    return {
      version: SNAPSHOT_VERSION,
      revision,
      size: this.size,
      docs: this.docs.map((summary) => summary ?? null),
      tokens,
      postings: this.postings.pack(tokens),
    };
  }

  get size(): number {
    return this.docByRecord.size;
  }

  add(record: ComparisonRecord): void {
    this.remove(record.id);
    const doc = this.docs.length;
    const summary = summarize(record, (s) => this.intern(s));
    this.docs.push(summary);
    this.changed();
    this.docByRecord.set(record.id, doc);
    summary.categories.forEach((c) => bump(this.categoryCounts, c, 1));
    summary.entries.forEach((e) => bump(this.entryCounts, e, 1));
    for (const [token, fieldClass] of fieldTokens(record)) {
      if (this.postings.append(token, doc * 4 + fieldClass)) this.vocabulary.add(token);
    }
  }

  remove(id: string): void {
    const doc = this.docByRecord.get(id);
    const summary = doc === undefined ? undefined : this.docs[doc];
    if (doc === undefined || summary === undefined) return;
    this.docByRecord.delete(id);
    this.docs[doc] = undefined;
    this.deadDocs += 1;
    this.changed();
    summary.categories.forEach((c) => bump(this.categoryCounts, c, -1));
    summary.entries.forEach((e) => bump(this.entryCounts, e, -1));
    if (this.deadDocs > 64 && this.deadDocs > this.docByRecord.size) this.compact();
  }

  /**
   * Ids ranked best first, then newest, then by id. Every word must match (AND); the last word
   * matches as a prefix while it is still being typed. An empty query lists every comparison that
   * passes the filters, newest first.
   */
  search(query: string, filters: CatalogFilters = {}): string[] {
    return this.searchPage(query, filters, 0, Number.MAX_SAFE_INTEGER).ids;
  }

  /** Matches offset … offset + limit of `search`, and how many there are: ranks only that far. */
  searchPage(
    query: string,
    filters: CatalogFilters,
    offset: number,
    limit: number,
  ): { total: number; ids: string[] } {
    const words = tokenize(query);
    const order = this.recency();
    if (words.length === 0) return this.listAll(order, filters, offset, limit);
    const typing = !/\s$/.test(query);
    const scores = new Uint32Array(this.docs.length);
    const matched = new Uint16Array(this.docs.length);
    const best = new Uint8Array(this.docs.length);
    words.forEach((word, i) => {
      const isPrefix = typing && i === words.length - 1;
      if (isPrefix && word.length === 1) {
        scoreBucket(this.bucket(word), i, scores, matched);
        return;
      }
      const tokens = isPrefix ? this.vocabulary.withPrefix(word) : [word];
      const touched: number[] = [];
      for (const token of tokens) {
        const exactBonus = token === word ? 1 : 0;
        const list = this.postings.get(token);
        for (let k = 0; k < list.length; k += 1) {
          const posting = list[k] ?? 0;
          const doc = posting >>> 2;
          if (matched[doc] !== i) continue;
          const value = (CLASS_SCORE[posting & 3] ?? 0) * 2 + exactBonus;
          if (best[doc] === 0) touched.push(doc);
          if (value > (best[doc] ?? 0)) best[doc] = value;
        }
      }
      for (const doc of touched) {
        matched[doc] = i + 1;
        scores[doc] = (scores[doc] ?? 0) + (best[doc] ?? 0);
        best[doc] = 0;
      }
    });
    const hits: number[] = [];
    this.docs.forEach((summary, doc) => {
      if (
        summary !== undefined &&
        matched[doc] === words.length &&
        matchesFilters(summary, filters)
      ) {
        hits.push(doc);
      }
    });
    const ranked = rankHits(hits, scores, order, Math.min(hits.length, offset + limit));
    return {
      total: hits.length,
      ids: ranked.slice(offset).map((doc) => this.docs[doc]?.id ?? ''),
    };
  }

  /**
   * Precomputes what searches derive from the docs (list order, one-letter buckets), so the first
   * keystroke after a build or an import does not pay for it.
   */
  warm(): void {
    this.recency();
    const letters = new Set<string>();
    for (const token of this.vocabulary.withPrefix('')) letters.add(token.charAt(0));
    for (const letter of letters) this.bucket(letter);
  }

  /** The card of each id, in order; ids not in the index are left out. */
  listings(ids: readonly string[]): ComparisonListing[] {
    const listings: ComparisonListing[] = [];
    for (const id of ids) {
      const doc = this.docByRecord.get(id);
      const listing = doc === undefined ? undefined : this.docs[doc]?.listing;
      if (listing !== undefined) listings.push(listing);
    }
    return listings;
  }

  facets(): CatalogFacets {
    return { categories: presentKeys(this.categoryCounts), entries: presentKeys(this.entryCounts) };
  }

  /** Empty query: the docs that pass the filters, newest first; ids only for the page asked. */
  private listAll(
    order: RecencyOrder,
    filters: CatalogFilters,
    offset: number,
    limit: number,
  ): { total: number; ids: string[] } {
    const ids: string[] = [];
    let total = 0;
    for (const doc of order.docs) {
      const summary = this.docs[doc];
      if (summary === undefined || !matchesFilters(summary, filters)) continue;
      if (total >= offset && total - offset < limit) ids.push(summary.id);
      total += 1;
    }
    return { total, ids };
  }

  /** A one-letter prefix: its tokens merged once, instead of hundreds of lists per keystroke. */
  private bucket(letter: string): Uint32Array {
    let bucket = this.buckets.get(letter);
    if (bucket === undefined) {
      bucket = bucketForPrefix(
        this.vocabulary.withPrefix(letter),
        (token) => this.postings.get(token),
        (posting, token) => (CLASS_SCORE[posting & 3] ?? 0) * 2 + (token === letter ? 1 : 0),
        this.docs.length,
      );
      this.buckets.set(letter, bucket);
    }
    return bucket;
  }

  private recency(): RecencyOrder {
    this.order ??= recencyOrder(this.docs);
    return this.order;
  }

  private changed(): void {
    this.order = null;
    if (this.buckets.size > 0) this.buckets = new Map();
  }

  /** Renumbers live docs densely and drops dead postings and tokens no doc uses any more. */
  private compact(): void {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: DocSummary[] = [];
    this.docs.forEach((summary, doc) => {
      if (summary === undefined) return;
      renumber[doc] = docs.length;
      this.docByRecord.set(summary.id, docs.length);
      docs.push(summary);
    });
    this.postings.rewrite((posting) => {
      const doc = renumber[posting >>> 2] ?? -1;
      return doc < 0 ? -1 : doc * 4 + (posting & 3);
    });
    this.docs = docs;
    this.deadDocs = 0;
    this.changed();
    this.vocabulary.replaceAll(this.postings.tokens);
  }

  /** Ten thousand pages share a handful of categories and prices: keep one copy of each. */
  private intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

/** Adds a bucket's scores to the docs that matched every earlier word. */
function scoreBucket(bucket: Uint32Array, i: number, scores: Uint32Array, matched: Uint16Array) {
  for (let k = 0; k < bucket.length; k += 1) {
    const entry = bucket[k] ?? 0;
    const doc = entry >>> 5;
    if (matched[doc] !== i) continue;
    matched[doc] = i + 1;
    scores[doc] = (scores[doc] ?? 0) + (entry & 31);
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

function presentKeys(counts: Map<string, number>): string[] {
  return [...counts.keys()].sort((x, y) => x.localeCompare(y));
}
