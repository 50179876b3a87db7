// Reads the bytes of picked or dropped files many at a time: one by one, 10,000 pages took seconds.
import type { ImportFile } from './read-import-files.js';

/** Reads in flight at once: enough to keep the browser's file reads busy, few enough for memory. */
const CONCURRENT_READS = 64;

export type PickedFilesResult =
  { ok: true; files: ImportFile[] } | { ok: false; fileName: string; error: unknown };

/** Files keep their order; `onProgress(read)` is called once per batch, not once per file. */
export async function readPickedFiles(
  files: readonly File[],
  onProgress: (read: number) => void = () => {},
): Promise<PickedFilesResult> {
  const read: ImportFile[] = [];
  for (let at = 0; at < files.length; at += CONCURRENT_READS) {
    const batch = files.slice(at, at + CONCURRENT_READS);
    const settled = await Promise.allSettled(batch.map((file) => file.arrayBuffer()));
    for (const [i, outcome] of settled.entries()) {
      const name = batch[i]?.name ?? '';
      if (outcome.status === 'rejected')
        return { ok: false, fileName: name, error: outcome.reason };
      read.push({ name, bytes: new Uint8Array(outcome.value) });
    }
    onProgress(read.length);
  }
  return { ok: true, files: read };
}
