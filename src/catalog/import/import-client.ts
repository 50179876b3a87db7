// Runs an import in the import worker: the page only reads the files, the worker parses and stores them.
import { ClassifiedFailure, classified, classifyError, errorText } from '../../shared/errors.js';
import { WorkerPort } from '../../shared/worker-port.js';
import { emptyReport } from './import-catalog.js';
import {
  IMPORT_PROTOCOL_VERSION,
  type ImportApi,
  type WorkerImportOutcome,
} from './import-protocol.js';
import { RefusedFileError } from './read-picked-files.js';
import type { ImportFile } from './read-import-files.js';

export type { WorkerImportOutcome } from './import-protocol.js';

/**
 * Groups sent but not yet taken by the worker. Reading outruns parsing and storing; this bounds the
 * bytes held in the worker's queue to a few groups.
 */
const MAX_GROUPS_AHEAD = 3;

/** `name` is the worker's life lock (see alive-lock.ts). */
function defaultWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

type Port = WorkerPort<ImportApi>;

/**
 * All or nothing, as in the page: the worker holds the one transaction. A worker that dies takes
 * its transaction with it, so a crash stores nothing and is reported as such (report.storageError).
 */
export async function importInWorker(
  dbName: string,
  groups: AsyncIterable<readonly ImportFile[]>,
  now: number,
  createWorker: (name: string) => Worker = defaultWorker,
): Promise<WorkerImportOutcome> {
  const port: Port = new WorkerPort({
    name: 'import',
    create: createWorker,
    version: IMPORT_PROTOCOL_VERSION,
    crashAdvice: 'The import stopped before it finished, so nothing was imported. Try again.',
  });
  const outcome = port.call('import', { dbName, now });
  const feeding = feed(port, groups);
  try {
    return await outcome;
  } catch (error) {
    return { report: emptyReport({ storageError: classifyError(error) }), writtenIds: [] };
  } finally {
    // Ends the feeding too: its pending and later calls fail at once.
    port.close(classified('aborted', 'the import is over'));
    await feeding;
  }
}

/** Sends the groups as they are read, a few ahead of the worker; never rejects. */
async function feed(port: Port, groups: AsyncIterable<readonly ImportFile[]>): Promise<void> {
  const ahead = new Set<Promise<unknown>>();
  try {
    for await (const group of groups) {
      while (ahead.size >= MAX_GROUPS_AHEAD) await Promise.race(ahead);
      // Groups read as one blob share one buffer: transfer each buffer once.
      const transfer = [...new Set(group.map((file) => file.bytes.buffer))];
      const taken = port.call('group', [...group], { transfer });
      ahead.add(taken);
      taken.then(
        () => ahead.delete(taken),
        () => ahead.delete(taken),
      );
    }
    await port.call('end', null);
  } catch (cause) {
    // The port failed (the import ended or crashed): the import's own call reports it.
    if (cause instanceof ClassifiedFailure) return;
    const error =
      cause instanceof RefusedFileError
        ? cause.error
        : {
            fileName: '',
            line: 0,
            expected: 'files the browser can read',
            message: errorText(cause),
          };
    await port.call('refuse', error).catch(() => undefined);
  }
}
