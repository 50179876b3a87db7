// Reads picked or dropped files in groups, one browser read per group: file by file, 10,000 pages took 17 s here.
import type { ImportFile } from './read-import-files.js';

/**
 * Files per group. Each read crosses into the browser process once, whatever its size; measured
 * here over 10,000 pages: 500 or 1,000 per group read in about 3 s, one at a time (64 in flight) 17 s.
 */
const GROUP_FILES = 500;
/** …and a group stops growing at this many bytes, so a few large exports are not held twice. */
const GROUP_BYTES = 16 * 1024 * 1024;

/** A picked file the browser could not read (moved, deleted, or changed since it was picked). */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
  constructor(
    readonly fileName: string,
    override readonly cause: unknown,
  ) {
    super(`${fileName} could not be read (${String(cause)}).`);
  }
}

export interface ReadGroupsOptions {
  /** Called after each group with the number of files read so far. */
  onProgress?: (read: number) => void;
  /** How one group becomes bytes; tests replace it to make a group fail. */
  readGroup?: (files: readonly File[]) => Promise<ArrayBuffer>;
}

/**
 * The files' bytes, in picked order, group by group: the importer parses and stores a group while
 * the browser reads the next. Throws UnreadableFileError naming the first file that cannot be read.
 */
export async function* readFileGroups(
  files: readonly File[],
  { onProgress = () => {}, readGroup = readAsOneBlob }: ReadGroupsOptions = {},
): AsyncGenerator<ImportFile[]> {
  let read = 0;
  for (const group of groupFiles(files)) {
    yield await readGroupOrFindCulprit(group, readGroup);
    read += group.length;
    onProgress(read);
  }
}

function* groupFiles(files: readonly File[]): Generator<File[]> {
  let group: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (group.length > 0 && (group.length >= GROUP_FILES || bytes + file.size > GROUP_BYTES)) {
      yield group;
      group = [];
      bytes = 0;
    }
    group.push(file);
    bytes += file.size;
  }
  if (group.length > 0) yield group;
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
    } catch (error) {
      throw new UnreadableFileError(file.name, error);
    }
  }
  return read;
}
