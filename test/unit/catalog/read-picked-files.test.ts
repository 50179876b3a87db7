import { describe, expect, it } from 'vitest';
import { readPickedFiles } from '../../../src/catalog/read-picked-files.js';

/** A File whose read takes `delayMs`, or fails. */
function slowFile(name: string, text: string, delayMs: number, fail = false): File {
  const file = new File([text], name);
  file.arrayBuffer = () =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        if (fail) reject(new Error('unreadable'));
        else resolve(new TextEncoder().encode(text).buffer);
      }, delayMs),
    );
  return file;
}

describe('readPickedFiles', () => {
  it('returns every file in picked order even when later reads finish first', async () => {
    const files = Array.from({ length: 300 }, (_, i) =>
      slowFile(`f${i}.txt`, `page ${i}`, (300 - i) % 7),
    );
    const progress: number[] = [];
    const result = await readPickedFiles(files, (read) => progress.push(read));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((file) => file.name)).toEqual(files.map((file) => file.name));
    expect(new TextDecoder().decode(result.files[123]?.bytes)).toBe('page 123');
    expect(progress.at(-1)).toBe(300);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('names the file that could not be read', async () => {
    const files = [
      slowFile('a.txt', 'a', 1),
      slowFile('b.txt', 'b', 2, true),
      slowFile('c.txt', 'c', 1),
    ];
    const result = await readPickedFiles(files);
    expect(result).toMatchObject({ ok: false, fileName: 'b.txt' });
  });
});
