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
 * Worker side: takes the lock named by the worker's name and never lets go; once it is held, calls
 * `announce` (the worker tells the page it is 'alive'). Resolves then, or at once without
 * announcing for a worker named otherwise (no lock to watch) or where there are no Web Locks.
 */
export function holdAliveLock(workerName: string, announce: () => void): Promise<void> {
  const locks = lockManager();
  if (locks === null || !workerName.startsWith(PREFIX)) return Promise.resolve();
  return new Promise((held) => {
    void locks.request(workerName, () => {
      announce();
      held();
      return new Promise<never>(() => {});
    });
  });
}

/**
 * Page side: calls `onGone` once the worker holding `name` has ended. Ask only once the worker
 * announced it holds the lock: asked earlier, the lock could be granted at once.
 */
export function watchAliveLock(name: string, onGone: () => void): void {
  const locks = lockManager();
  if (locks === null) return;
  void locks.request(name, () => onGone());
}
