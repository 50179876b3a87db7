// What a reload would cut short right now (a fusion run, a chat answer), and how to stop each cleanly first.

/** Something the visitor would lose by a reload: `stop` ends it and resolves once what it produced is saved. */
export interface Work {
  /** For a person: "a fusion run", "a chat answer". */
  what: string;
  stop(): Promise<void>;
}

const works = new Set<Work>();

/** Registers work in progress until the returned function is called. */
export function holdWork(work: Work): () => void {
  works.add(work);
  return () => works.delete(work);
}

/** What is in progress now, for a warning ("a fusion run is still going"). */
export function workInProgress(): string[] {
  return [...works].map((work) => work.what);
}

/** Stops everything in progress and waits until each has saved what it had (failures are ignored). */
export async function stopAllWork(): Promise<void> {
  await Promise.all([...works].map((work) => work.stop().catch(() => undefined)));
}
