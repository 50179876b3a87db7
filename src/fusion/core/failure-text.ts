// How a failed or stopped model call reads to a visitor: the advice in words, never the error's kind code.
import type { ClassifiedError } from '../../shared/errors.js';

/**
 * The sentence shown under a call that did not finish. `badge`: the place already shows a
 * Stopped or Failed status, so a visitor's stop needs no words (null) and a failure only its advice;
 * without one, the sentence says which of the two it was.
 */
export function failureText(error: ClassifiedError, badge: boolean): string | null {
  if (error.kind === 'aborted') return badge ? null : 'Stopped before it finished.';
  return badge ? error.message : `Failed: ${error.message}`;
}
