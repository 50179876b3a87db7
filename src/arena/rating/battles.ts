// Votes indexed for rating: models numbered, each vote reduced to a pair and an outcome, counted per pair.
import type { SourceFilter, Vote } from './vote.js';

/** Outcome of a battle seen from the pair's first model (the lower index). */
export const FIRST_WINS = 0;
/** The pair's second model (the higher index) won. */
export const SECOND_WINS = 1;
/** A tie (and "both bad", unless RatingOptions.excludeBothBad leaves those votes out). */
export const TIE = 2;
/** Outcomes per pair: a vote's cell is pair·OUTCOMES + outcome. */
export const OUTCOMES = 3;

/** Which votes a leaderboard counts. */
export interface RatingOptions {
  /** Which votes count: human, judge, or both. */
  source: SourceFilter;
  /** "Both bad" counts as a tie unless this is true, then those votes are left out. */
  excludeBothBad: boolean;
}

/** The leaderboard's default: human votes only, "both bad" counted as a tie. */
export const DEFAULT_RATING_OPTIONS: RatingOptions = { source: 'human', excludeBothBad: false };

/**
 * The votes a leaderboard counts, indexed. Pairs are (first, second) with first < second, numbered
 * row by row; a vote's cell is pair·3 + outcome, so a resample of votes is a count per cell.
 */
export interface Battles {
  /** Model ids, sorted, so the same votes always give the same numbering. */
  ids: string[];
  pairFirst: Int32Array;
  pairSecond: Int32Array;
  /** One cell per counted vote, in vote order. */
  cells: Int32Array;
  /**
   * Per counted vote: the normalised length difference (first − second) / (first + second) in −1..1,
   * or NaN when the vote lacks a length.
   */
  lengthDiff: Float64Array;
  /** Index into the votes passed in, per counted vote. */
  voteIndex: Int32Array;
}

/** The number of pairs among `m` models. */
export function pairCount(m: number): number {
  return (m * (m - 1)) / 2;
}

/** The index of pair (i, j), i < j, among `m` models. */
export function pairIndex(i: number, j: number, m: number): number {
  return i * m - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Whether a vote is counted under `options` (source, both-bad, and never a model against itself). */
export function counts(vote: Vote, options: RatingOptions): boolean {
  if (vote.a === vote.b) return false;
  if (options.source !== 'both' && vote.source !== options.source) return false;
  return !(options.excludeBothBad && vote.winner === 'both-bad');
}

/** Indexes the counted votes. Models that appear in no counted vote are left out. */
export function indexBattles(votes: readonly Vote[], options: RatingOptions): Battles {
  const kept: number[] = [];
  const idSet = new Set<string>();
  votes.forEach((vote, index) => {
    if (!counts(vote, options)) return;
    kept.push(index);
    idSet.add(vote.a);
    idSet.add(vote.b);
  });
  const ids = [...idSet].sort();
  const m = ids.length;
  const number = new Map(ids.map((id, i) => [id, i]));
  const pairs = pairCount(m);
  const pairFirst = new Int32Array(pairs);
  const pairSecond = new Int32Array(pairs);
  for (let i = 0; i < m; i += 1) {
    for (let j = i + 1; j < m; j += 1) {
      const p = pairIndex(i, j, m);
      pairFirst[p] = i;
      pairSecond[p] = j;
    }
  }
  const cells = new Int32Array(kept.length);
  const lengthDiff = new Float64Array(kept.length);
  kept.forEach((voteAt, k) => {
    const vote = votes[voteAt]!;
    const ia = number.get(vote.a)!;
    const ib = number.get(vote.b)!;
    const aFirst = ia < ib;
    const [first, second] = aFirst ? [ia, ib] : [ib, ia];
    let outcome = TIE;
    if (vote.winner === 'a') outcome = aFirst ? FIRST_WINS : SECOND_WINS;
    else if (vote.winner === 'b') outcome = aFirst ? SECOND_WINS : FIRST_WINS;
    cells[k] = pairIndex(first, second, m) * OUTCOMES + outcome;
    lengthDiff[k] = normalisedDifference(vote, aFirst);
  });
  return { ids, pairFirst, pairSecond, cells, lengthDiff, voteIndex: Int32Array.from(kept) };
}

function normalisedDifference(vote: Vote, aFirst: boolean): number {
  const { lengthA, lengthB } = vote;
  if (lengthA === undefined || lengthB === undefined) return Number.NaN;
  const total = lengthA + lengthB;
  if (total === 0) return 0;
  const diff = (lengthA - lengthB) / total;
  return aFirst ? diff : -diff;
}

/** How many counted votes fall in each cell. */
export function cellCounts(battles: Battles): Float64Array {
  const counted = new Float64Array(battles.pairFirst.length * OUTCOMES);
  for (const cell of battles.cells) counted[cell]! += 1;
  return counted;
}
