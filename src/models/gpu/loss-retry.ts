// Pure: the one retry after a model lost the GPU (or ran out of memory), as the registry applies it.

export type LossRetry<M> =
  /** Load the same weights with a shorter context (the "-1k" builds share the weights' files). */
  | { action: 'smaller-variant'; model: M }
  /** Others were resident: this model runs alone, as a later stage of a memory plan would. */
  | { action: 'sequential' }
  | { action: 'give-up' };

/**
 * Others were resident → run alone; else the smaller-context variant, if there is one; else give
 * up. Callers retry once; a second loss is reported to the visitor, never retried.
 */
export function decideLossRetry<M>(
  lost: M,
  othersResident: boolean,
  smallerVariant: (model: M) => M | null,
): LossRetry<M> {
  if (othersResident) return { action: 'sequential' };
  const smaller = smallerVariant(lost);
  return smaller ? { action: 'smaller-variant', model: smaller } : { action: 'give-up' };
}
