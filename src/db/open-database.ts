// Opens `quorum` with versioned upgrades; a newer tab asking to upgrade closes this connection.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type QuorumDB } from './schema.js';

/** An open connection to `quorum`, typed by its schema. */
export type QuorumDatabase = IDBPDatabase<QuorumDB>;

/** What the app is told about the database's life while it is open. */
export interface OpenOptions {
  /** Called when another tab needs a newer version: the app asks the visitor to reload. */
  onVersionChange?: () => void;
  /** Called when the database is being deleted (another tab, the browser, devtools) while open here. */
  onDeleted?: () => void;
  /** Called when the browser closed the connection itself (the disk failed or the data was deleted). */
  onClosed?: () => void;
  /**
   * Called during the open when the database did not exist yet: a first visit, or a database that
   * was deleted since (see database-marker.ts).
   */
  onCreated?: () => void;
  /** Called when an older connection in another tab holds up this upgrade. */
  onBlocked?: () => void;
  /**
   * Workers set it: only the page creates the database. A worker opening after a deletion (its
   * first search, an import, a leaderboard) would otherwise create an empty `quorum`, and the page's
   * next open would find it and never learn the data was lost (issue 13, item 3).
   */
  mustExist?: boolean;
  name?: string;
}

/** The open found no database and `mustExist` was set: nothing was created. */
export class DatabaseMissingError extends Error {
  constructor(name: string) {
    super(
      `The database "${name}" is gone (deleted by the browser or another tab): reload the page.`,
    );
    this.name = 'DatabaseMissingError';
  }
}

/**
 * Opens (or, from the page, creates) the database. Rejects with DatabaseMissingError when
 * `mustExist` is set and there is none, and with the browser's DOMException when it refuses.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<QuorumDatabase> {
  const name = options.name ?? DB_NAME;
  let missing = false;
  try {
    return await openQuorum(name, options, () => (missing = true));
  } catch (error) {
    throw missing ? new DatabaseMissingError(name) : error;
  }
}

function openQuorum(
  name: string,
  options: OpenOptions,
  onMissing: () => void,
): Promise<QuorumDatabase> {
  return openDB<QuorumDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion === 0 && options.mustExist) {
        // Aborting the first upgrade leaves no database behind: the page's next open creates it
        // and so learns that it was lost.
        onMissing();
        // The open's own rejection says what happened; the transaction's is the same news.
        transaction.done.catch(() => undefined);
        transaction.abort();
        return;
      }
      if (oldVersion === 0) options.onCreated?.();
      // One step per shipped version; never edit a step once it has shipped.
      if (oldVersion < 1) {
        const comparisons = db.createObjectStore('comparisons', { keyPath: 'id' });
        comparisons.createIndex('by-tool', 'toolSlugs', { multiEntry: true });
        comparisons.createIndex('by-category', 'category');
        comparisons.createIndex('by-imported', 'importedAt');
        const tools = db.createObjectStore('tools', { keyPath: 'slug' });
        tools.createIndex('by-name', 'name');
        db.createObjectStore('settings');
        const conversations = db.createObjectStore('conversations', { keyPath: 'id' });
        conversations.createIndex('by-updated', 'updatedAt');
        const runs = db.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('by-created', 'createdAt');
        const deviceLog = db.createObjectStore('deviceLog', { keyPath: 'id', autoIncrement: true });
        deviceLog.createIndex('by-model', 'modelId');
        db.createObjectStore('modelStats', { keyPath: 'modelId' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('votes', { keyPath: 'id' });
        // The evaluation lab: new stores only, so every record of version 1 stays as it was.
        const labRuns = db.createObjectStore('labRuns', { keyPath: 'id' });
        labRuns.createIndex('by-created', 'createdAt');
        const labAnswers = db.createObjectStore('labAnswers', {
          keyPath: ['runId', 'position', 'answerer'],
        });
        labAnswers.createIndex('by-run', 'runId');
        db.createObjectStore('labTaskSets', { keyPath: 'id' });
        db.createObjectStore('recordings', { keyPath: 'id' });
        // Remote endpoints the visitor added: also a new store only.
        db.createObjectStore('endpoints', { keyPath: 'id' });
      }
    },
    blocking(_currentVersion, blockedVersion) {
      // A null version is a deletion, not an upgrade: the visitor is told which it was.
      if (blockedVersion === null) options.onDeleted?.();
      else options.onVersionChange?.();
    },
    terminated() {
      options.onClosed?.();
    },
    blocked() {
      options.onBlocked?.();
    },
  });
}
