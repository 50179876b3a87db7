// How long a judge or aggregator may go without writing before the run treats it as hung and moves on.
import type { CallTiming } from './cost.js';

/** Never less: a loaded model that writes nothing for this long is not working. */
export const MIN_JUDGE_STALL_MS = 15_000;

/** Never more: half the model worker's two-minute inactivity limit, so a hung judge is replaced well before it. */
export const MAX_JUDGE_STALL_MS = 60_000;

/**
 * Prefill rates are read only from calls with at least this many prompt tokens: for a prompt of a
 * few tokens the time to the first token is the engine's fixed start-up cost, and dividing by it
 * gives a rate far below the real one (a 10-token question at 450 ms reads as 22 tok/s), which made
 * a judge's limit for a 500-token prompt minutes long.
 */
export const MIN_PREFILL_SAMPLE_TOKENS = 64;

/**
 * The silence (ms) after which a judge's call is given up, from what this run's members measured:
 * four times their slowest first token plus the prefill of the judge's (longer) prompt at their
 * slowest prefill rate (read from prompts of at least MIN_PREFILL_SAMPLE_TOKENS), or fifty of their
 * slowest gaps between tokens, scaled up by how much larger the judge is than the smallest member;
 * at least MIN_JUDGE_STALL_MS and at most MAX_JUDGE_STALL_MS, half a worker's inactivity limit (two
 * minutes), so a hung judge is replaced in seconds, never after the worker's limit.
 * `promptChars`: the judge prompt's length (about four characters a token); `sizeRatio`: judge
 * parameters over the smallest member's (1 when unknown).
 */
export function judgeStallMs(
  calls: readonly CallTiming[],
  promptChars: number,
  sizeRatio = 1,
): number {
  const usages = calls.flatMap((call) =>
    call.role === 'member' && call.usage ? [call.usage] : [],
  );
  const slowestFirst = Math.max(0, ...usages.map((u) => u.timeToFirstTokenMs));
  const prefillRates = usages
    .filter((u) => u.promptTokens >= MIN_PREFILL_SAMPLE_TOKENS)
    .map((u) => u.prefillTokensPerS)
    .filter((rate) => rate > 0);
  const prefillMs =
    prefillRates.length > 0 ? ((promptChars / 4) * 1000) / Math.min(...prefillRates) : 0;
  const gaps = usages.filter((u) => u.decodeTokensPerS > 0).map((u) => 1000 / u.decodeTokensPerS);
  const slowestGap = Math.max(0, ...gaps);
  const ratio = Math.max(1, sizeRatio);
  const wanted = Math.max(
    MIN_JUDGE_STALL_MS,
    4 * ratio * (slowestFirst + prefillMs),
    50 * ratio * slowestGap,
  );
  return Math.round(Math.min(MAX_JUDGE_STALL_MS, wanted));
}
