// Asks the browser to keep Quorum's data (catalog, later model weights) when the disk fills up.
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export interface StorageUse {
  usage: number;
  quota: number;
}

export async function readPersistence(): Promise<PersistenceState> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'persisted' : 'best-effort';
}

/** Chromium decides from engagement (installed, bookmarked…), so the answer may be "no" without a prompt. */
export async function requestPersistence(): Promise<PersistenceState> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

export async function readStorageUse(): Promise<StorageUse | null> {
  if (!navigator.storage?.estimate) return null;
  const estimate = await navigator.storage.estimate();
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}
