// Reads the bytes of picked or dropped files many at a time: one by one, 10,000 pages took seconds.
import type { ImportFile } from './read-import-files.js';

/** Reads in flight at once: enough to keep the browser's file reads busy, few enough for memory. */
const CONCURRENT_READS = 64;
/** Progress is reported every this many files (the panel redraws at most once per frame anyway). */
const PROGRESS_EVERY = 256;

export type PickedFilesResult =
  { ok: true; files: ImportFile[] } | { ok: false; fileName: string; error: unknown };

/**
 * Files keep their order. A fixed number of reads stays in flight (a new one starts as soon as one
 * ends): waiting for a whole batch left the reads idle behind its slowest file.
 */
export async function readPickedFiles(
  files: readonly File[],
  onProgress: (read: number) => void = () => {},
): Promise<PickedFilesResult> {
  const read: ImportFile[] = new Array<ImportFile>(files.length);
  let next = 0;
  let done = 0;
  let failed: { fileName: string; error: unknown } | null = null;
  const runner = async (): Promise<void> => {
    while (failed === null && next < files.length) {
      const at = next++;
      const file = files[at];
      if (file === undefined) continue;
      try {
        read[at] = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch (error) {
        failed ??= { fileName: file.name, error };
        return;
      }
      done += 1;
      if (done % PROGRESS_EVERY === 0) onProgress(done);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_READS, files.length) }, () => runner()),
  );
  if (failed !== null) {
    const { fileName, error } = failed;
    return { ok: false, fileName, error };
  }
  onProgress(done);
  return { ok: true, files: read };
}
