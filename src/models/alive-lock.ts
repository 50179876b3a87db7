// A worker's death notice through Web Locks: the worker holds its lock for life, and the page's request for it is granted the moment the worker ends.

/**
 * A closed or killed worker sends the page no event, so the heartbeat needs seconds to notice;
 * a lock held by the worker is released the instant its thread ends, however it ends.
 */
const PREFIX = 'quorum-worker-alive:';

function lockManager(): LockManager | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
}

/** A lock name unique to one new worker; the page gives it to the worker as the worker's name. */
export function newAliveLockName(): string {
  return `${PREFIX}${crypto.randomUUID()}`;
}

/**
 * Worker side: takes the lock named by the worker's name and never lets go. Resolves true once it
 * is held, so a worker that answers only after this resolves never answers before holding it;
 * false at once for a worker named otherwise (no lock to watch), or where there are no Web Locks.
 */
export function holdAliveLock(workerName: string): Promise<boolean> {
  const locks = lockManager();
  if (locks === null || !workerName.startsWith(PREFIX)) return Promise.resolve(false);
  return new Promise((held) => {
    void locks.request(workerName, () => {
      held(true);
      return new Promise<never>(() => {});
    });
  });
}

/**
 * Page side: calls `onGone` once the worker holding `name` has ended. Ask only after the worker
 * has sent a message (it holds the lock by then): asked earlier, the lock could be granted at once.
 */
export function watchAliveLock(name: string, onGone: () => void): void {
  const locks = lockManager();
  if (locks === null) return;
  void locks.request(name, () => onGone());
}
