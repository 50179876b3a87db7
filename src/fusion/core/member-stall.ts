// A pool member that stops producing tokens: how long it may stay silent, and the visitor's "Skip this model".
import type { ClassifiedError } from '../../shared/errors.js';

/**
 * The fusion-time inactivity limit (ms): a loaded member that writes no token for this long, before
 * its first or between two, is dropped from the run and the others decide. Far below the model
 * worker's own two-minute limit, which is for a worker that no longer answers at all.
 */
export const MEMBER_STALL_MS = 30_000;

/** After this much silence (ms) a streaming member's column says so and offers to skip it. */
export const STALL_NOTICE_MS = 3_000;

const SKIPPED_MESSAGE = 'Skipped by the visitor: the other models decide without it.';

/** The error a skipped member's call ends with. Kind 'aborted', as a stop, but it drops the member. */
export function skippedError(): ClassifiedError {
  return { kind: 'aborted', message: SKIPPED_MESSAGE };
}

/** Whether `error` is a visitor's skip (not a stop of the whole run, nor a model's failure). */
export function isSkipped(error: ClassifiedError | null | undefined): boolean {
  return error?.kind === 'aborted' && error.message === SKIPPED_MESSAGE;
}

/**
 * The skip switches of one run, one per pool member id: the studio flips one, and that member's
 * current and later calls end at once with skippedError.
 */
export class MemberSkips {
  private readonly controllers = new Map<string, AbortController>();

  /** Aborts the member's calls; later calls of the run skip it too. */
  skip(memberId: string): void {
    this.controllerOf(memberId).abort();
  }

  /** The signal a member's calls watch; aborted once it was skipped. */
  signal(memberId: string): AbortSignal {
    return this.controllerOf(memberId).signal;
  }

  private controllerOf(memberId: string): AbortController {
    let controller = this.controllers.get(memberId);
    if (!controller) {
      controller = new AbortController();
      this.controllers.set(memberId, controller);
    }
    return controller;
  }
}
