// The import worker: parses picked files and writes them in one transaction, off the page's main thread.
import {
  classifyStorageError,
  importFilesWithRecords,
} from '../src/catalog/import/import-catalog.js';
import { IMPORT_PROTOCOL_VERSION, type ImportApi } from '../src/catalog/import/import-protocol.js';
import { RefusedFileError } from '../src/catalog/import/read-picked-files.js';
import type { ImportFile } from '../src/catalog/import/read-import-files.js';
import type { ParseError } from '../src/catalog/types.js';
import { openDatabase } from '../src/db/open-database.js';
import { createEventQueue } from '../src/shared/event-queue.js';
import { serve } from './serve.js';

type Sent =
  | { type: 'group'; files: ImportFile[]; consumed: () => void }
  | { type: 'end' }
  | { type: 'refused'; error: ParseError };

const sent = createEventQueue<Sent>();

serve<ImportApi>({
  name: 'import',
  version: IMPORT_PROTOCOL_VERSION,
  classify: classifyStorageError,
  methods: {
    import: async ({ dbName, now }) => {
      const db = await openDatabase({ name: dbName, mustExist: true });
      try {
        const { report, written } = await importFilesWithRecords(db, groups(), { now: () => now });
        return { report, writtenIds: written.map((record) => record.id) };
      } finally {
        db.close();
      }
    },
    group: (files) =>
      new Promise<null>((resolve) =>
        sent.push({ type: 'group', files, consumed: () => resolve(null) }),
      ),
    end: () => {
      sent.push({ type: 'end' });
      return null;
    },
    refuse: (error) => {
      sent.push({ type: 'refused', error });
      return null;
    },
  },
});

/** The groups as the page sends them; taking the next one tells the page it may send another. */
async function* groups(): AsyncGenerator<ImportFile[]> {
  for (;;) {
    const message = await sent.next();
    if (message.type === 'end') return;
    if (message.type === 'refused') throw new RefusedFileError(message.error);
    yield message.files;
    message.consumed();
  }
}
