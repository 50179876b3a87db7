// Pure: the one retry after a model lost the GPU (or ran out of memory), as the registry applies it.

/**
 * What the registry does after a model lost the GPU or ran out of memory: retry once with a smaller-context
 * variant, retry once alone, or give up.
 */
export type LossRetry<M> =
  /**
   * Load the same weights with a shorter context (the "-1k" builds share the weights' files), and
   * answer within `answerTokens` so a prompt still fits that context (null: its context is unknown).
   */
  | { action: 'smaller-variant'; model: M; answerTokens: number | null }
  /** Others were resident: this model runs alone, as a later stage of a memory plan would. */
  | { action: 'sequential' }
  | { action: 'give-up' };

/**
 * The longest answer a smaller-context retry allows: half the context window, so a prompt of the
 * other half still fits (a 1k build answering the default 1,024 tokens would leave a fusion prompt
 * no room at all). Null when the context is unknown.
 */
export function answerLimitFor(contextWindow: number | null): number | null {
  return contextWindow === null ? null : Math.floor(contextWindow / 2);
}

/**
 * Others were resident → run alone; else the smaller-context variant, if there is one, with its
 * answer limit; else give up. Callers retry once; a second loss is reported to the visitor, never retried.
 */
export function decideLossRetry<M extends { contextWindow: number | null }>(
  lost: M,
  othersResident: boolean,
  smallerVariant: (model: M) => M | null,
): LossRetry<M> {
  if (othersResident) return { action: 'sequential' };
  const smaller = smallerVariant(lost);
  if (!smaller) return { action: 'give-up' };
  return {
    action: 'smaller-variant',
    model: smaller,
    answerTokens: answerLimitFor(smaller.contextWindow),
  };
}
