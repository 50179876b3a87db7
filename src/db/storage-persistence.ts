// Asks the browser to keep Quorum's data (catalog, runs, model weights) when the disk fills up, and remembers its answer.
/** Whether the browser keeps Quorum's data when the disk fills up. */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

/** Bytes this origin uses, and its quota in bytes. */
export interface StorageUse {
  usage: number;
  quota: number;
}

/**
 * The moments Quorum asks: the first import (the seeds, then the visitor's own pages), the first
 * download (a model, or an export), installing, data found lost, and the visitor's own button.
 */
export type PersistReason = 'import' | 'download' | 'install' | 'data-lost' | 'visitor';

/** The last answer the browser gave, kept so Settings can say when Quorum asked and what it said. */
export interface PersistenceAsked {
  reason: PersistReason;
  /** ms since the epoch. */
  at: number;
  state: PersistenceState;
}

const ASKED_KEY = 'quorum.persistence-asked';

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Whether the browser has promised to keep Quorum's data ('unsupported' without the Storage API). */
export async function readPersistence(): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage?.persisted) return 'unsupported';
  return (await storage.persisted()) ? 'persisted' : 'best-effort';
}

/**
 * Asks the browser to keep Quorum's data. Chromium decides from engagement (installed,
 * bookmarked…), so the answer may be "no" without a prompt; Firefox asks the visitor, so Quorum asks
 * once per reason only (the visitor's own button always asks). The answer is recorded for Settings.
 */
export async function requestPersistence(reason: PersistReason): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage?.persist) return 'unsupported';
  const asked = readPersistenceAsked();
  if (reason !== 'visitor' && asked?.reasons.includes(reason)) return readPersistence();
  let state: PersistenceState;
  try {
    state = (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    state = 'best-effort';
  }
  writeAsked({ reason, at: Date.now(), state }, [...(asked?.reasons ?? []), reason]);
  return state;
}

/** The last time Quorum asked and what the browser said, and every reason it has asked for. */
export function readPersistenceAsked(): (PersistenceAsked & { reasons: PersistReason[] }) | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(ASKED_KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return null;
    const { reason, at, state, reasons } = parsed as Record<string, unknown>;
    if (typeof reason !== 'string' || typeof at !== 'number' || typeof state !== 'string') {
      return null;
    }
    return {
      reason: reason as PersistReason,
      at,
      state: state as PersistenceState,
      reasons: Array.isArray(reasons) ? (reasons as PersistReason[]) : [],
    };
  } catch {
    return null;
  }
}

function writeAsked(asked: PersistenceAsked, reasons: PersistReason[]): void {
  try {
    localStorage.setItem(ASKED_KEY, JSON.stringify({ ...asked, reasons: [...new Set(reasons)] }));
  } catch {
    // Storage blocked: Settings then shows only the current state.
  }
}

/**
 * This origin's storage use and quota in bytes, as the browser estimates them; null without the Storage API.
 */
export async function readStorageUse(): Promise<StorageUse | null> {
  const storage = storageManager();
  if (!storage?.estimate) return null;
  const estimate = await storage.estimate();
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}
