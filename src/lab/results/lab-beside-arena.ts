// Pure: a pool's lab accuracy beside each model's arena rating, with a plain word where either is missing.
import type { ModelRating } from '../../models/model-ratings-context.js';
import type { ResultEntry } from '../stats/summarise.js';

/** A model's arena rating as the leaderboard gives it: the models page's one shape for it. */
export type ArenaFigure = ModelRating;

/** One model of the pool: what the lab measured and what the arena's votes say. */
export interface SideBySideRow {
  id: string;
  label: string;
  /** Right answers of the run's questions, with the Wilson 95 % interval; null before any. */
  lab: Pick<ResultEntry, 'correct' | 'total' | 'accuracy' | 'ci95'> | null;
  /** Null when no human vote names the model. */
  arena: ArenaFigure | null;
  /** Said in place of the lab's figure when it is missing. */
  labMissing: string | null;
  /** Said in place of the arena's figure when it is missing. */
  arenaMissing: string | null;
}

/** Said where a model has no lab accuracy yet. */
export const NO_LAB = 'No lab accuracy yet: no question of this run is finished.';
/** Said where a model has no arena rating yet. */
export const NO_ARENA = 'No arena rating yet: none of your votes names this model.';

/**
 * The pool's models (the run's single-model entries, in pool order; fusion modes have no rating)
 * joined by model id with `ratings` (the arena's human-vote leaderboard).
 */
export function labBesideArena(
  entries: readonly ResultEntry[],
  ratings: ReadonlyMap<string, ArenaFigure>,
): SideBySideRow[] {
  return entries
    .filter((e) => e.kind === 'single')
    .map((e) => {
      const lab =
        e.total > 0
          ? { correct: e.correct, total: e.total, accuracy: e.accuracy, ci95: e.ci95 }
          : null;
      const arena = ratings.get(e.id) ?? null;
      const labMissing = lab ? null : NO_LAB;
      return {
        id: e.id,
        label: e.label,
        lab,
        arena,
        labMissing,
        arenaMissing: arena ? null : NO_ARENA,
      };
    });
}

/** How many of the pool's models have both figures (the comparison needs two). */
export function bothMeasured(rows: readonly SideBySideRow[]): number {
  return rows.filter((r) => r.lab !== null && r.arena !== null).length;
}
