// The leaderboard: Bradley–Terry ratings with bootstrap intervals, ranks, matrices and the length-controlled variant.
import { seededRandom } from '../../shared/prng.js';
import {
  FIRST_WINS,
  OUTCOMES,
  SECOND_WINS,
  TIE,
  cellCounts,
  indexBattles,
  pairIndex,
  type Battles,
  type RatingOptions,
} from './battles.js';
import { bootstrapStrengths, columnQuantiles } from './bootstrap.js';
import { fitBradleyTerry, sigmoid } from './bradley-terry.js';
import { natsToPoints, toElo } from './elo-scale.js';
import { fitLengthControlled, lengthDesign, type LengthDesign } from './length-control.js';
import { ranksFromIntervals } from './ranks.js';
import type { Vote } from './vote.js';

/** What a leaderboard is computed from: which votes count, and the bootstrap's resamples and seed. */
export interface LeaderboardRequest extends RatingOptions {
  /** Bootstrap resamples for the intervals (the leaderboard asks for 1,000). */
  resamples: number;
  seed: number;
}

/** One model's line: rating and 95 % interval on the Elo-like scale (see elo-scale.ts). */
export interface Standing {
  id: string;
  rating: number;
  lower: number;
  upper: number;
  /**
   * True when the bootstrap had too little to resample for `lower`..`upper` to mean anything (see
   * hasTooFewVotes): the page says "too few votes" instead of the interval, and the rank treats it as unbounded.
   */
  tooFewVotes: boolean;
  rank: number;
  /** Counted battles, and their outcomes from this model's side ("both bad" counted in ties). */
  battles: number;
  wins: number;
  losses: number;
  ties: number;
}

/** One model's line on the length-controlled leaderboard, with how far length control moved it. */
export interface LengthControlledStanding extends Omit<
  Standing,
  'battles' | 'wins' | 'losses' | 'ties'
> {
  /** Length-controlled rating minus the plain rating, in points. */
  shift: number;
  /** Plain rank minus length-controlled rank: positive when the model moves up. */
  rankShift: number;
}

/**
 * The length-controlled variant (Chatbot Arena's style control, Li, Angelopoulos & Chiang 2024): Bradley–Terry with the
 * answers' normalised length difference as a covariate, and what length is worth.
 */
export interface LengthControlled {
  standings: LengthControlledStanding[];
  /** What a length difference one standard deviation in the longer answer's favour is worth, in points. */
  pointsPerSd: number;
  /** Its 95 % bootstrap interval. */
  pointsPerSdLower: number;
  pointsPerSdUpper: number;
  /** Between equal models, how often the answer one standard deviation longer wins, 0..1. */
  longerWins: number;
  /** The standard deviation of (len_a − len_b) / (len_a + len_b) over the votes with lengths. */
  sd: number;
  withLengths: number;
}

/**
 * A whole leaderboard: standings with 95 % bootstrap intervals, the win-rate and battle-count matrices, and
 * what it counted.
 */
export interface Leaderboard {
  /** Best first (by rating). */
  standings: Standing[];
  /** Counted votes. */
  votes: number;
  resamples: number;
  seed: number;
  options: RatingOptions;
  /** Matrix order: the standings' ids. winRate[r][c]: share of r's battles against c it won, ties half; null without battles. */
  winRate: (number | null)[][];
  battleCounts: number[][];
}

const INTERVAL = [0.025, 0.975] as const;

/**
 * Fewest counted battles a model needs before the leaderboard shows its interval. LM Arena shows no
 * model below a minimum number of votes; here a model is shown from its first vote, but its interval
 * only from this many: resampling one or two votes gives every replicate the same few outcomes, so
 * the interval has (nearly) no width and looks certain when it is not.
 */
export const MIN_INTERVAL_BATTLES = 5;

/**
 * Whether a model's bootstrap interval is too thin to show: fewer than MIN_INTERVAL_BATTLES counted
 * battles, or no spread at all across the resamples (`lower` === `upper`, e.g. every vote the same
 * outcome against the same opponent, which every resample repeats).
 */
export function hasTooFewVotes(battles: number, lower: number, upper: number): boolean {
  return battles < MIN_INTERVAL_BATTLES || !(upper > lower);
}

/** Ranks as ranksFromIntervals, with a too-thin interval counted as unbounded (it overlaps every other). */
function ranksWithThinIntervals(
  lower: readonly number[],
  upper: readonly number[],
  thin: readonly boolean[],
): number[] {
  return ranksFromIntervals(
    lower.map((v, i) => (thin[i] ? -Infinity : v)),
    upper.map((v, i) => (thin[i] ? Infinity : v)),
  );
}

/** Builds the whole leaderboard from votes; deterministic for the same votes, options and seed. */
export function computeLeaderboard(
  votes: readonly Vote[],
  request: LeaderboardRequest,
): Leaderboard {
  const battles = indexBattles(votes, request);
  const m = battles.ids.length;
  const cells = cellCounts(battles);
  const table = { m, pairFirst: battles.pairFirst, pairSecond: battles.pairSecond, cells };
  const theta = fitBradleyTerry(table);
  const replicates = bootstrapStrengths(battles, theta, request);
  const intervals = battles.ids.map((_, i) =>
    columnQuantiles(replicates, m, i, INTERVAL).map(toElo),
  );
  const tallies = tally(battles, cells);
  const thin = intervals.map((iv, i) => hasTooFewVotes(tallies[i]!.battles, iv[0]!, iv[1]!));
  const ranks = ranksWithThinIntervals(
    intervals.map((iv) => iv[0]!),
    intervals.map((iv) => iv[1]!),
    thin,
  );
  const byRating = battles.ids.map((_, i) => i).sort((x, y) => theta[y]! - theta[x]!);
  const standings = byRating.map((i) => ({
    id: battles.ids[i]!,
    rating: toElo(theta[i]!),
    lower: intervals[i]![0]!,
    upper: intervals[i]![1]!,
    tooFewVotes: thin[i]!,
    rank: ranks[i]!,
    ...tallies[i]!,
  }));
  return {
    standings,
    votes: battles.cells.length,
    resamples: request.resamples,
    seed: request.seed,
    options: { source: request.source, excludeBothBad: request.excludeBothBad },
    ...matrices(battles, cells, byRating),
  };
}

function tally(battles: Battles, cells: Float64Array) {
  const result = battles.ids.map(() => ({ battles: 0, wins: 0, losses: 0, ties: 0 }));
  for (let p = 0; p < battles.pairFirst.length; p += 1) {
    const first = result[battles.pairFirst[p]!]!;
    const second = result[battles.pairSecond[p]!]!;
    const [w, l, t] = [FIRST_WINS, SECOND_WINS, TIE].map((o) => cells[p * OUTCOMES + o]!);
    first.wins += w!;
    first.losses += l!;
    second.wins += l!;
    second.losses += w!;
    first.ties += t!;
    second.ties += t!;
    first.battles += w! + l! + t!;
    second.battles += w! + l! + t!;
  }
  return result;
}

function matrices(battles: Battles, cells: Float64Array, order: number[]) {
  const m = battles.ids.length;
  const cell = (i: number, j: number) => {
    if (i === j) return { n: 0, score: 0 };
    const [f, s] = i < j ? [i, j] : [j, i];
    const base = pairIndex(f, s, m) * OUTCOMES;
    const wins = cells[base + (i < j ? FIRST_WINS : SECOND_WINS)]!;
    const losses = cells[base + (i < j ? SECOND_WINS : FIRST_WINS)]!;
    const ties = cells[base + TIE]!;
    return { n: wins + losses + ties, score: wins + ties / 2 };
  };
  return {
    winRate: order.map((i) =>
      order.map((j) => {
        const { n, score } = cell(i, j);
        return n === 0 ? null : score / n;
      }),
    ),
    battleCounts: order.map((i) => order.map((j) => cell(i, j).n)),
  };
}

/**
 * The length-controlled variant of `plain` (computed from the same votes and request), or null when
 * too few votes carry both lengths. Kept apart from computeLeaderboard because its bootstrap refits
 * vote by vote (the covariate differs per vote), about ten times the plain fit's cost on 10,000 votes.
 */
export function computeLengthControlled(
  votes: readonly Vote[],
  plain: Leaderboard,
  request: LeaderboardRequest,
): LengthControlled | null {
  const battles = indexBattles(votes, request);
  const design = lengthDesign(battles);
  if (!design) return null;
  const m = design.m;
  const params = fitLengthControlled(design);
  const replicates = bootstrapLengthControlled(design, params, request);
  const columns = m + 1;
  const intervals = Array.from({ length: columns }, (_, i) =>
    columnQuantiles(replicates, columns, i, INTERVAL),
  );
  const lower = battles.ids.map((_, i) => toElo(intervals[i]![0]!));
  const upper = battles.ids.map((_, i) => toElo(intervals[i]![1]!));
  const index = new Map(battles.ids.map((id, i) => [id, i]));
  const battlesOf = new Map(plain.standings.map((s) => [s.id, s.battles]));
  const thin = battles.ids.map((id, i) =>
    hasTooFewVotes(battlesOf.get(id) ?? 0, lower[i]!, upper[i]!),
  );
  const ranks = ranksWithThinIntervals(lower, upper, thin);
  const standings = plain.standings
    .map((entry) => {
      const i = index.get(entry.id)!;
      const rating = toElo(params[i]!);
      return {
        id: entry.id,
        rating,
        lower: lower[i]!,
        upper: upper[i]!,
        tooFewVotes: thin[i]!,
        rank: ranks[i]!,
        shift: rating - entry.rating,
        rankShift: entry.rank - ranks[i]!,
      };
    })
    .sort((x, y) => y.rating - x.rating);
  const gamma = params[m]!;
  return {
    standings,
    pointsPerSd: natsToPoints(gamma),
    pointsPerSdLower: natsToPoints(intervals[m]![0]!),
    pointsPerSdUpper: natsToPoints(intervals[m]![1]!),
    longerWins: sigmoid(gamma),
    sd: design.sd,
    withLengths: design.withLengths,
  };
}

/** The same resampling as bootstrapStrengths, as per-vote weights, for the length-controlled fit. */
function bootstrapLengthControlled(
  design: LengthDesign,
  start: Float64Array,
  request: LeaderboardRequest,
): Float64Array {
  const n = design.x.length;
  const columns = design.m + 1;
  const random = seededRandom(request.seed ^ 0x5bd1e995);
  const weights = new Float64Array(n);
  const replicates = new Float64Array(request.resamples * columns);
  for (let r = 0; r < request.resamples; r += 1) {
    weights.fill(0);
    for (let k = 0; k < n; k += 1) weights[Math.floor(random() * n)]! += 1;
    replicates.set(fitLengthControlled(design, weights, start), r * columns);
  }
  return replicates;
}
