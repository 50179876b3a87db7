// Which tab owns a run still going: the owner holds a Web Lock named after the run, which every tab can see.

/**
 * A tab working on a run holds `quorum-run:<id>` until it ends; the browser releases it the instant
 * the tab closes or crashes. Other tabs read who holds what with `navigator.locks.query()`, and a
 * request for the lock is granted the moment the owner lets go.
 */
export interface RunOwners {
  /** Holds the run's lock from now until the returned function is called. */
  hold(runId: string): () => void;
  /** The ids of the runs some tab of this origin (this one included) holds. */
  held(): Promise<Set<string>>;
  /** Resolves once no tab holds the run's lock (at once if none does). */
  released(runId: string): Promise<void>;
}

const PREFIX = 'quorum-run:';

/** Web Locks where the browser has them; otherwise this tab alone (Node tests, old browsers). */
export function defaultRunOwners(): RunOwners {
  return typeof navigator !== 'undefined' && 'locks' in navigator
    ? webLockOwners(navigator.locks)
    : memoryRunOwners();
}

/** RunOwners on the Web Locks API: one lock `quorum-run:<id>` per run, held by the tab that runs it. */
export function webLockOwners(locks: LockManager): RunOwners {
  return {
    hold(runId) {
      let release: () => void = () => undefined;
      const releasing = new Promise<void>((resolve) => (release = resolve));
      void locks.request(`${PREFIX}${runId}`, () => releasing);
      return release;
    },
    async held() {
      const { held = [] } = await locks.query();
      const ids = held
        .map((lock) => lock.name ?? '')
        .filter((name) => name.startsWith(PREFIX))
        .map((name) => name.slice(PREFIX.length));
      return new Set(ids);
    },
    async released(runId) {
      await locks.request(`${PREFIX}${runId}`, () => undefined);
    },
  };
}

/**
 * Locks in memory: what one tab knows of itself. Tests share one instance between two stores to
 * stand for two tabs of one browser.
 */
export function memoryRunOwners(): RunOwners {
  const holders = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const letGo = (runId: string): void => {
    const left = (holders.get(runId) ?? 1) - 1;
    if (left > 0) {
      holders.set(runId, left);
      return;
    }
    holders.delete(runId);
    for (const resolve of waiting.get(runId) ?? []) resolve();
    waiting.delete(runId);
  };
  return {
    hold(runId) {
      holders.set(runId, (holders.get(runId) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        letGo(runId);
      };
    },
    held: () => Promise.resolve(new Set(holders.keys())),
    released(runId) {
      if (!holders.has(runId)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(runId, [...(waiting.get(runId) ?? []), resolve]));
    },
  };
}
