// Reading picked files in groups with progress, refusing the unreadable and the oversized by name.
import { describe, expect, it } from 'vitest';
import {
  readFileGroups,
  RefusedFileError,
} from '../../../../src/catalog/import/read-picked-files.js';
import type { ImportFile } from '../../../../src/catalog/import/read-import-files.js';

/** A File whose own read fails (a group read through `failingGroup` fails with it). */
function unreadable(name: string, text: string): File {
  const file = new File([text], name);
  file.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
  return file;
}

const failingGroup = (files: readonly File[]): Promise<ArrayBuffer> =>
  files.some((file) => file.name.startsWith('bad'))
    ? Promise.reject(new Error('NotReadableError'))
    : new Blob(files as File[]).arrayBuffer();

async function collect(groups: AsyncIterable<ImportFile[]>): Promise<ImportFile[][]> {
  const all: ImportFile[][] = [];
  for await (const group of groups) all.push(group);
  return all;
}

const text = (file: ImportFile | undefined) => new TextDecoder().decode(file?.bytes);

describe('readFileGroups', () => {
  it('returns every file in picked order, in groups, with progress after each group', async () => {
    // Multi-byte text, so a split by characters instead of bytes would show.
    const files = Array.from({ length: 1234 }, (_, i) => new File([`page ${i} — é`], `f${i}.txt`));
    const progress: number[] = [];
    const groups = await collect(
      readFileGroups(files, { onProgress: (read) => progress.push(read) }),
    );
    const read = groups.flat();
    expect(groups.length).toBeGreaterThan(1);
    expect(read.map((file) => file.name)).toEqual(files.map((file) => file.name));
    expect(text(read[0])).toBe('page 0 — é');
    expect(text(read[1233])).toBe('page 1233 — é');
    expect(progress.at(-1)).toBe(1234);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('starts a new group before a large file would make one too big', async () => {
    const big = new File([new Uint8Array(10 * 1024 * 1024)], 'big.json');
    const files = [new File(['a'], 'a.txt'), big, big, new File(['b'], 'b.txt')];
    const groups = await collect(readFileGroups(files));
    expect(groups.map((group) => group.map((file) => file.name))).toEqual([
      ['a.txt', 'big.json'],
      ['big.json', 'b.txt'],
    ]);
    expect(groups[0]?.[1]?.bytes.byteLength).toBe(10 * 1024 * 1024);
  });

  it('names the file that could not be read, after the groups before it', async () => {
    const files = [new File(['a'], 'a.txt'), unreadable('bad.txt', 'b'), new File(['c'], 'c.txt')];
    const seen: string[] = [];
    const reading = (async () => {
      for await (const group of readFileGroups(files, { readGroup: failingGroup })) {
        seen.push(...group.map((file) => file.name));
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(RefusedFileError);
    await expect(reading).rejects.toMatchObject({ error: { fileName: 'bad.txt', line: 0 } });
    expect(seen).toEqual([]);
  });

  it('says why a file could not be read even when the browser rejects with a bare object', async () => {
    const file = new File(['b'], 'bad.txt');
    // Not an Error: String() of it would read "[object Object]".
    file.arrayBuffer = () =>
      Promise.reject({ name: 'NotReadableError', message: 'The file changed on disk' });
    const reading = (async () => {
      for await (const group of readFileGroups([file], { readGroup: failingGroup })) void group;
    })();
    await expect(reading).rejects.toMatchObject({
      error: { message: 'bad.txt could not be read (NotReadableError: The file changed on disk).' },
    });
  });

  it('refuses a file over the size limit before reading it, naming it and the limit', async () => {
    const reads: string[][] = [];
    const files = [
      new File(['a'], 'a.txt'),
      new File([new Uint8Array(1024 * 1024 + 1)], 'huge.txt'),
    ];
    const reading = (async () => {
      for await (const group of readFileGroups(files, {
        readGroup: (group) => {
          reads.push(group.map((file) => file.name));
          return new Blob(group as File[]).arrayBuffer();
        },
      })) {
        void group;
      }
    })();
    await expect(reading).rejects.toMatchObject({
      error: { fileName: 'huge.txt', expected: 'a file of at most 1 MiB' },
    });
    expect(reads.flat()).not.toContain('huge.txt');
  });

  it('falls back to reading one by one when a file changed size since it was picked', async () => {
    const file = new File(['short'], 'changed.txt');
    Object.defineProperty(file, 'size', { value: 99 });
    const groups = await collect(
      readFileGroups([file], { readGroup: () => new Blob(['short']).arrayBuffer() }),
    );
    expect(text(groups[0]?.[0])).toBe('short');
  });
});
