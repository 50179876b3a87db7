// Runs an import in the import worker: the page only reads the files, the worker parses and stores them.
import { newAliveLockName, watchAliveLock } from '../../shared/alive-lock.js';
import { emptyReport, type ImportReport } from './import-catalog.js';
import {
  IMPORT_PROTOCOL_VERSION,
  type FromImportWorker,
  type ToImportWorker,
} from './import-protocol.js';
import { RefusedFileError } from './read-picked-files.js';
import type { ImportFile } from './read-import-files.js';

/**
 * Groups sent but not yet taken by the worker. Reading outruns parsing and storing; this bounds the
 * bytes held in the worker's queue to a few groups.
 */
const MAX_GROUPS_AHEAD = 3;

export interface WorkerImportOutcome {
  report: ImportReport;
  writtenIds: string[];
}

/** `name` is the worker's life lock (see alive-lock.ts). */
function defaultWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/**
 * All or nothing, as in the page: the worker holds the one transaction. A worker that dies takes
 * its transaction with it, so a crash stores nothing and is reported as such.
 */
export async function importInWorker(
  dbName: string,
  groups: AsyncIterable<readonly ImportFile[]>,
  now: number,
  createWorker: (name: string) => Worker = defaultWorker,
): Promise<WorkerImportOutcome> {
  const aliveLock = newAliveLockName();
  const worker = createWorker(aliveLock);
  const send = (message: ToImportWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  let ahead = 0;
  let wake: (() => void) | null = null;
  let finished = false;
  const outcome = new Promise<WorkerImportOutcome>((resolve) => {
    const fail = (why: string) =>
      resolve({ report: failedReport(`The import stopped: ${why}`), writtenIds: [] });
    worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'alive') {
        // A worker closed or killed mid-import sends no event: its lock is released instead.
        watchAliveLock(aliveLock, () => fail('the import worker ended'));
      } else if (message.type === 'consumed') {
        ahead -= 1;
        wake?.();
      } else if (message.type === 'done') {
        resolve({ report: message.report, writtenIds: message.writtenIds });
      } else {
        fail(message.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'the import worker failed');
    };
  }).finally(() => {
    finished = true;
    wake?.();
  });
  send({ type: 'start', v: IMPORT_PROTOCOL_VERSION, dbName, now });
  const feeding = (async () => {
    try {
      for await (const group of groups) {
        while (ahead >= MAX_GROUPS_AHEAD && !finished) {
          await new Promise<void>((resolve) => (wake = resolve));
        }
        if (finished) return;
        ahead += 1;
        // Groups read as one blob share one buffer: transfer each buffer once.
        send({ type: 'group', files: [...group] }, [...new Set(group.map((f) => f.bytes.buffer))]);
      }
      send({ type: 'end' });
    } catch (cause) {
      const error =
        cause instanceof RefusedFileError
          ? cause.error
          : {
              fileName: '',
              line: 0,
              expected: 'files the browser can read',
              message: String(cause),
            };
      send({ type: 'refused', error });
    }
  })();
  try {
    return await outcome;
  } finally {
    await feeding;
    worker.terminate();
  }
}

function failedReport(message: string): ImportReport {
  return emptyReport({
    storageError: { kind: 'unknown', message: `${message}. Nothing was imported.` },
  });
}
