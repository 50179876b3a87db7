// Remembers outside IndexedDB that this browser held Quorum's database, so a database that vanished is noticed.

/**
 * In localStorage, which the browser keeps apart from IndexedDB: Chromium deletes a database whose
 * write failed on a full disk, and `indexedDB.deleteDatabase` removes only the database. Clearing
 * the whole site's data removes this too, and then the visit is rightly a first one.
 */
export const DATABASE_MARKER_KEY = 'quorum.database';
/** What versions before the marker set once the seeds were imported: a database existed then too. */
const LEGACY_SEEDED_KEY = 'quorum.seeded';

/** Where the marker is kept; localStorage in the page, a Map in tests. */
export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where storage is blocked (some privacy settings throw on access). */
export function markerStorage(): MarkerStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Whether this browser held Quorum's database before; false when storage is blocked. */
export function hadDatabase(storage: MarkerStorage | null = markerStorage()): boolean {
  if (storage === null) return false;
  try {
    return (
      storage.getItem(DATABASE_MARKER_KEY) !== null || storage.getItem(LEGACY_SEEDED_KEY) === '1'
    );
  } catch {
    return false;
  }
}

/** Records that the database exists (once it opened); `now` in ms since the epoch. */
export function markDatabase(
  now = Date.now(),
  storage: MarkerStorage | null = markerStorage(),
): void {
  if (storage === null) return;
  try {
    if (storage.getItem(DATABASE_MARKER_KEY) === null) {
      storage.setItem(DATABASE_MARKER_KEY, new Date(now).toISOString());
    }
  } catch {
    // Storage blocked or full: a later loss will not be told apart from a first visit, nothing worse.
  }
}

/**
 * True when the open just created the database although this browser held one before: it was
 * deleted or evicted since (issue 13, item 3). `created` comes from openDatabase's onCreated.
 */
export function databaseWasLost(created: boolean, hadBefore: boolean): boolean {
  return created && hadBefore;
}
