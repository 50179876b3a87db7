// Which two models battle next: the pair whose result would tell the most (few battles, close ratings).
import { winProbability } from './elo-scale.js';
import type { Vote } from './vote.js';

/** How many battles each pair and each model has had, for choosing the next pair. */
export interface BattleStats {
  /** Battles per unordered pair, keyed by pairKey. */
  pairs: Map<string, number>;
  /** Battles per model. */
  models: Map<string, number>;
}

/** An unordered pair's key. */
export function pairKey(a: string, b: string): string {
  return a < b ? JSON.stringify([a, b]) : JSON.stringify([b, a]);
}

/** Counts battles per unordered pair and per model; votes of a model against itself are ignored. */
export function battleStats(votes: readonly Pick<Vote, 'a' | 'b'>[]): BattleStats {
  const pairs = new Map<string, number>();
  const models = new Map<string, number>();
  for (const { a, b } of votes) {
    if (a === b) continue;
    const key = pairKey(a, b);
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    models.set(a, (models.get(a) ?? 0) + 1);
    models.set(b, (models.get(b) ?? 0) + 1);
  }
  return { pairs, models };
}

/**
 * How much a battle between `a` and `b` would tell: closeness × novelty, in 0..1. Closeness is
 * 4·p·(1 − p) for the predicted win probability p (1 for an even match or unrated models: the
 * variance of the outcome, so an even match tells most); novelty is 1 / ((1 + battles of the pair) ·
 * (1 + battles of the less-tested model)), so new pairs and new models come first. A simple form of
 * the active sampling Chatbot Arena describes (Chiang et al. 2024, arXiv 2403.04132, §5.2: sample
 * the pairs that most reduce the intervals); not their exact rule.
 */
export function informativeness(
  a: string,
  b: string,
  stats: BattleStats,
  ratings: ReadonlyMap<string, number>,
): number {
  const ra = ratings.get(a);
  const rb = ratings.get(b);
  const p = ra === undefined || rb === undefined ? 0.5 : winProbability(ra, rb);
  const closeness = 4 * p * (1 - p);
  const pairBattles = stats.pairs.get(pairKey(a, b)) ?? 0;
  const fewer = Math.min(stats.models.get(a) ?? 0, stats.models.get(b) ?? 0);
  return closeness / ((1 + pairBattles) * (1 + fewer));
}

/**
 * The most informative pair among `candidates` (distinct ids), ties broken by `random` (seeded by the
 * caller); null with fewer than two candidates. The order within the pair is not meaningful: the
 * battle shuffles which one is shown as "Model A".
 */
export function pickInformativePair(
  candidates: readonly string[],
  stats: BattleStats,
  ratings: ReadonlyMap<string, number>,
  random: () => number,
): [string, string] | null {
  const ids = [...new Set(candidates)];
  let best = -1;
  let bestPairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const score = informativeness(ids[i]!, ids[j]!, stats, ratings);
      if (score > best * (1 + 1e-9)) {
        best = score;
        bestPairs = [[ids[i]!, ids[j]!]];
      } else if (score >= best * (1 - 1e-9)) {
        bestPairs.push([ids[i]!, ids[j]!]);
      }
    }
  }
  return bestPairs[Math.floor(random() * bestPairs.length)] ?? null;
}
