// Opens `quorum` with versioned upgrades; a newer tab asking to upgrade closes this connection.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type QuorumDB } from './schema.js';

export type QuorumDatabase = IDBPDatabase<QuorumDB>;

export interface OpenOptions {
  /** Called when another tab needs a newer version: the app asks the visitor to reload. */
  onVersionChange?: () => void;
  /** Called when an older connection in another tab holds up this upgrade. */
  onBlocked?: () => void;
  name?: string;
}

export function openDatabase(options: OpenOptions = {}): Promise<QuorumDatabase> {
  return openDB<QuorumDB>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
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
      }
    },
    blocking() {
      options.onVersionChange?.();
    },
    blocked() {
      options.onBlocked?.();
    },
  });
}
