// Chooses judges and aggregators: the strongest model, never a model judging its own answer if avoidable.
import { whatHappened } from '../core/failure-text.js';
import type { ModelClient } from '../../models/model-client.js';
import type { ClassifiedError } from '../../shared/errors.js';

/** The largest model by parameters (unknown sizes count as smallest); pool order breaks ties. */
export function strongestModel(clients: readonly ModelClient[]): ModelClient | null {
  let best: ModelClient | null = null;
  for (const client of clients)
    if (best === null || (client.paramsB ?? 0) > (best.paramsB ?? 0)) best = client;
  return best;
}

/** The model picked to judge a pair, and whether it had to judge an answer it wrote itself. */
export interface JudgeChoice {
  judge: ModelClient;
  /** True only when every usable model wrote one of the answers being compared. */
  selfJudged: boolean;
}

/**
 * The chosen judge, unless it wrote one of the answers (or cannot be used) and another usable model
 * did not; then the strongest such model.
 */
export function pickJudge(
  chosen: ModelClient,
  authors: ReadonlySet<string>,
  pool: readonly ModelClient[],
  usable: (client: ModelClient) => boolean,
): JudgeChoice | null {
  if (usable(chosen) && !authors.has(chosen.id)) return { judge: chosen, selfJudged: false };
  const others = pool.filter((c) => c.id !== chosen.id && usable(c) && !authors.has(c.id));
  const other = strongestModel(others);
  if (other) return { judge: other, selfJudged: false };
  return usable(chosen) ? { judge: chosen, selfJudged: true } : null;
}

/**
 * How a judge's or aggregator's failure reads in a note, in words, never the kind code: "it lost
 * the GPU", "it stopped responding: no text for 15 s".
 */
export function describeFailure(error: ClassifiedError): string {
  const what = whatHappened(error.kind);
  if (error.kind !== 'timeout' || !error.detail) return what;
  return `${what}: ${error.detail.charAt(0).toLowerCase()}${error.detail.slice(1)}`;
}
