// The run store of this page, on its own database connection opened with the studio (not in the first load).
import { openDatabase, type QuorumDatabase } from '../../db/open-database.js';
import { RunStore } from './run-store.js';

let database: Promise<QuorumDatabase> | null = null;
let store: Promise<RunStore> | null = null;

/** The studio's connection (runs, and the modelStats its measurements update). */
export function studioDatabase(): Promise<QuorumDatabase> {
  database ??= openDatabase({
    // Another tab upgrading the schema: let it, the shell asks the visitor to reload.
    onVersionChange: () => void database?.then((db) => db.close()),
  });
  return database;
}

export function runStore(): Promise<RunStore> {
  store ??= studioDatabase().then((db) => new RunStore(db));
  return store;
}
