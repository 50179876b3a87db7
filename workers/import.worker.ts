// The import worker: parses picked files and writes them in one transaction, off the page's main thread.
import { importFilesWithRecords } from '../src/catalog/import/import-catalog.js';
import {
  IMPORT_PROTOCOL_VERSION,
  type FromImportWorker,
  type ToImportWorker,
} from '../src/catalog/import/import-protocol.js';
import { RefusedFileError } from '../src/catalog/import/read-picked-files.js';
import { holdAliveLock } from '../src/shared/alive-lock.js';
import type { ImportFile } from '../src/catalog/import/read-import-files.js';
import { openDatabase } from '../src/db/open-database.js';
import { createEventQueue } from '../src/shared/event-queue.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const queue = createEventQueue<ToImportWorker>();

function post(message: FromImportWorker): void {
  scope.postMessage(message);
}

// Held until this worker ends, however it ends: the page then learns of it at once. Nothing is
// written before it is held, so no import runs unwatched.
const alive = holdAliveLock(scope.name, () => post({ type: 'alive' }));

scope.onmessage = (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  if (message.type !== 'start') {
    queue.push(message);
    return;
  }
  if (message.v !== IMPORT_PROTOCOL_VERSION) {
    post({
      type: 'failed',
      message: `The app and its import worker are out of step (protocol ${message.v} vs ${IMPORT_PROTOCOL_VERSION}): reload the page.`,
    });
    return;
  }
  void alive.then(() => run(message.dbName, message.now));
};

async function run(dbName: string, now: number): Promise<void> {
  try {
    const db = await openDatabase({ name: dbName });
    const { report, written } = await importFilesWithRecords(db, groups(), { now: () => now });
    db.close();
    post({ type: 'done', report, writtenIds: written.map((record) => record.id) });
  } catch (cause) {
    post({ type: 'failed', message: String(cause) });
  }
}

/** The groups as the page sends them; each one taken tells the page it may send another. */
async function* groups(): AsyncGenerator<ImportFile[]> {
  for (;;) {
    const message = await queue.next();
    if (message.type === 'end') return;
    if (message.type === 'refused') throw new RefusedFileError(message.error);
    if (message.type !== 'group') continue;
    yield message.files;
    post({ type: 'consumed' });
  }
}
