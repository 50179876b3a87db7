// Each fusion mode against the best single model on the same questions: bootstrap interval and McNemar p.
import { pairedBootstrap } from './bootstrap.js';
import { discordantPairs, mcnemarExactP } from './mcnemar.js';
import { bestSingle, scoreAnswerer, type AnswererOutcomes } from './summarise.js';

/** One fusion mode against the best single model, as the results and the export show it. */
export interface Comparison {
  mode: string;
  /** The id of the best single model of the run. */
  against: string;
  /** Accuracy of the mode minus accuracy of that model, -1..1. */
  difference: number;
  /** Paired-bootstrap 95 % interval of the difference. */
  ci95: [number, number];
  /** Exact McNemar p-value, 0..1. */
  mcnemarP: number;
  /** Questions only the mode got right, and only the model. */
  onlyMode: number;
  onlyAgainst: number;
}

/** The bootstrap's resamples and seed for each comparison; the same seed gives the same intervals. */
export interface CompareOptions {
  /** Bootstrap resamples per comparison; at least 2,000 in the lab. */
  resamples: number;
  seed: number;
}

/**
 * Compares every fusion answerer with the best single one (by observed accuracy on these
 * questions). All answerers must cover the same questions in the same order.
 * @throws RangeError when outcome lengths differ.
 */
export function compareWithBest(
  answerers: readonly AnswererOutcomes[],
  options: CompareOptions,
): Comparison[] {
  const best = bestSingle(answerers.map(scoreAnswerer));
  const against = answerers.find((a) => a.id === best?.id && a.kind === 'single');
  if (!against || against.correct.length === 0) return [];
  return answerers
    .filter((a) => a.kind === 'fusion')
    .map((mode, index) => {
      const { difference, ci95 } = pairedBootstrap(mode.correct, against.correct, {
        resamples: options.resamples,
        // Each comparison its own stream, so adding a mode does not move the others' intervals.
        seed: options.seed + index,
      });
      const { onlyA, onlyB } = discordantPairs(mode.correct, against.correct);
      return {
        mode: mode.id,
        against: against.id,
        difference,
        ci95,
        mcnemarP: mcnemarExactP(onlyA, onlyB),
        onlyMode: onlyA,
        onlyAgainst: onlyB,
      };
    });
}
