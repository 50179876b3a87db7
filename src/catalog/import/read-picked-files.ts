// Reads picked or dropped files in groups, one browser read per group: file by file, 10,000 pages took 17 s here.
import { maxBytesFor, tooLargeError } from '../parse/decode-page-file.js';
import type { ImportFile } from './read-import-files.js';
import type { ParseError } from '../types.js';
import { errorText } from '../../shared/errors.js';

/**
 * Files per group. Each read crosses into the browser process once, whatever its size; measured
 * here over 10,000 pages: 500 or 1,000 per group read in about 3 s, one at a time (64 in flight) 17 s.
 */
const GROUP_FILES = 500;
/** …and a group stops growing at this many bytes, so a few large exports are not held twice. */
const GROUP_BYTES = 16 * 1024 * 1024;

/** A picked file the import refuses: too large, or unreadable (moved, deleted, changed since it was picked). */
export class RefusedFileError extends Error {
  override readonly name = 'RefusedFileError';
  constructor(readonly error: ParseError) {
    super(error.message);
  }
}

/** Progress and (for tests) how a group of files is read. */
export interface ReadGroupsOptions {
  /** Called after each group with the number of files read so far. */
  onProgress?: (read: number) => void;
  /** How one group becomes bytes; tests replace it to make a group fail. */
  readGroup?: (files: readonly File[]) => Promise<ArrayBuffer>;
}

interface PendingGroup {
  files: File[];
  read: Promise<ImportFile[]>;
}

/**
 * The files' bytes, in picked order, group by group. The next group is read while the importer
 * parses and stores this one. Throws RefusedFileError for a file too large to import (before
 * any file is read) or for the first that cannot be read.
 */
export async function* readFileGroups(
  files: readonly File[],
  { onProgress = () => {}, readGroup = readAsOneBlob }: ReadGroupsOptions = {},
): AsyncGenerator<ImportFile[]> {
  const groups = groupFiles(files);
  let started = 0;
  const start = (): PendingGroup | null => {
    const group = groups[started++];
    if (group === undefined) return null;
    const read = readGroupOrFindCulprit(group, readGroup);
    // Handled when awaited; this only keeps an abandoned read-ahead from being reported unhandled.
    read.catch(() => undefined);
    return { files: group, read };
  };
  let read = 0;
  for (let current = start(); current !== null;) {
    const ahead = start();
    yield await current.read;
    read += current.files.length;
    onProgress(read);
    current = ahead;
  }
}

/**
 * Every file's size is asked up front, so an oversized file is refused before anything is read. A
 * picked file's first `size` is a synchronous call into the browser (0.2 ms each here, 2 s for
 * 10,000 files); asked group by group instead, in step with the reads and writes, it took as long
 * overall, each call slowed by the storage work around it.
 */
function groupFiles(files: readonly File[]): File[][] {
  const groups: File[][] = [];
  let group: File[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = file.size;
    if (size > maxBytesFor(file.name)) throw new RefusedFileError(tooLargeError(file.name, size));
    if (group.length > 0 && (group.length >= GROUP_FILES || bytes + size > GROUP_BYTES)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(file);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function readAsOneBlob(files: readonly File[]): Promise<ArrayBuffer> {
  return new Blob(files as File[]).arrayBuffer();
}

async function readGroupOrFindCulprit(
  group: readonly File[],
  readGroup: (files: readonly File[]) => Promise<ArrayBuffer>,
): Promise<ImportFile[]> {
  try {
    const buffer = await readGroup(group);
    const split = splitBySize(group, buffer);
    if (split) return split;
  } catch {
    // One file spoiled the group's read: read them one by one to name it.
  }
  return readOneByOne(group);
}

/** Null when the bytes do not add up: a file changed since it was picked, so its size is stale. */
function splitBySize(group: readonly File[], buffer: ArrayBuffer): ImportFile[] | null {
  const total = group.reduce((sum, file) => sum + file.size, 0);
  if (total !== buffer.byteLength) return null;
  let offset = 0;
  return group.map((file) => {
    const bytes = new Uint8Array(buffer, offset, file.size);
    offset += file.size;
    return { name: file.name, bytes };
  });
}

async function readOneByOne(group: readonly File[]): Promise<ImportFile[]> {
  const read: ImportFile[] = [];
  for (const file of group) {
    try {
      read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (cause) {
      throw new RefusedFileError({
        fileName: file.name,
        line: 0,
        expected: 'a file the browser can read',
        message: `${file.name} could not be read (${errorText(cause)}).`,
      });
    }
  }
  return read;
}
