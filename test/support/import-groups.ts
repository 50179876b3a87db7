// Files arriving in groups, the way the import panel reads picked files: for the streamed-import tests.
import { RefusedFileError } from '../../src/catalog/import/read-picked-files.js';
import type { ImportFile } from '../../src/catalog/import/read-import-files.js';

/**
 * The files in groups of `size`, each ready `delayMs` after the last (0: a macrotask, with earlier
 * writes still landing). With `refuseAt`, the group holding that file fails as an unreadable file.
 */
export async function* groupsOf(
  files: ImportFile[],
  size: number,
  delayMs: number,
  refuseAt?: number,
): AsyncGenerator<ImportFile[]> {
  for (let at = 0; at < files.length; at += size) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (refuseAt !== undefined && refuseAt >= at && refuseAt < at + size) {
      const fileName = files[refuseAt]?.name ?? '';
      throw new RefusedFileError({ fileName, line: 0, expected: 'a readable file', message: '' });
    }
    yield files.slice(at, at + size);
  }
}
