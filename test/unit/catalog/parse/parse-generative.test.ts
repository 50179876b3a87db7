// The parser under thousands of random mutations: a page or an error with a line number, never a throw.
import { describe, expect, it } from 'vitest';
import { decodePageFile } from '../../../../src/catalog/parse/decode-page-file.js';
import { parseComparisonPage } from '../../../../src/catalog/parse/parse-comparison-page.js';
import type { ParseResult } from '../../../../src/catalog/types.js';
import { prng, seedNames, seedText } from '../support.js';

type Random = () => number;
const pick = (random: Random, n: number): number => Math.floor(random() * n);

/** One random edit of the page's lines: delete, duplicate, swap or replace a line. */
function mutateLines(lines: string[], random: Random): string[] {
  const next = [...lines];
  const i = pick(random, next.length);
  const j = pick(random, next.length);
  switch (pick(random, 4)) {
    case 0:
      next.splice(i, 1);
      break;
    case 1:
      next.splice(i, 0, next[i] ?? '');
      break;
    case 2:
      [next[i], next[j]] = [next[j] ?? '', next[i] ?? ''];
      break;
    default:
      next[i] =
        ['', '—', '150%', '“half a quote', 'Panel ship', '” stray', '-5%'][pick(random, 7)] ?? '';
  }
  return next;
}

/** Random byte changes, including bytes that make the text invalid UTF-8. */
function mutateBytes(bytes: Uint8Array, random: Random): Uint8Array {
  const next = new Uint8Array(bytes);
  const changes = 1 + pick(random, 4);
  for (let k = 0; k < changes; k += 1) {
    const byte =
      [0xff, 0xc3, 0x80, 0x0a, 0x0d, 0x22, 0xe2, pick(random, 256)][pick(random, 8)] ?? 0;
    next[pick(random, next.length)] = byte;
  }
  return random() < 0.2 ? next.slice(0, pick(random, next.length)) : next;
}

function expectPageOrLocatedError(result: ParseResult, lineCount: number): void {
  if (result.ok) {
    expect(result.page.scorecard.length).toBeGreaterThanOrEqual(1);
    expect(result.page.tools[0].name.length).toBeGreaterThan(0);
    return;
  }
  expect(Number.isInteger(result.error.line)).toBe(true);
  expect(result.error.line).toBeGreaterThanOrEqual(1);
  expect(result.error.line).toBeLessThanOrEqual(Math.max(1, lineCount));
  expect(result.error.expected.length).toBeGreaterThan(0);
}

describe('parseComparisonPage under random mutation', () => {
  const seeds = seedNames.map(seedText);

  it('returns a page or an error with a line number for 3,000 line-level mutations', () => {
    const random = prng(20261123);
    let errors = 0;
    for (let run = 0; run < 3000; run += 1) {
      let lines = (seeds[run % seeds.length] ?? '').split('\n');
      const edits = 1 + pick(random, 3);
      for (let k = 0; k < edits; k += 1) lines = mutateLines(lines, random);
      const text = lines.join(random() < 0.5 ? '\n' : '\r\n');
      const result = parseComparisonPage(text, `mutant-${run}.txt`);
      if (!result.ok) errors += 1;
      expectPageOrLocatedError(result, lines.length);
    }
    // Most mutations break the page; if none did, the mutations (or the parser) are not doing anything.
    expect(errors).toBeGreaterThan(1500);
  });

  it('decodes or rejects 2,000 byte-level mutations, never throwing', () => {
    const random = prng(7);
    const encoded = seeds.map((text) => new TextEncoder().encode(text));
    let invalidUtf8 = 0;
    for (let run = 0; run < 2000; run += 1) {
      const bytes = mutateBytes(encoded[run % encoded.length] ?? new Uint8Array(), random);
      const lineCount = bytes.reduce((n, byte) => n + (byte === 0x0a || byte === 0x0d ? 1 : 0), 1);
      const decoded = decodePageFile(bytes, `bytes-${run}.txt`);
      if (!decoded.ok) {
        if (decoded.error.expected === 'UTF-8 text') invalidUtf8 += 1;
        expect(decoded.error.line).toBeGreaterThanOrEqual(1);
        expect(decoded.error.line).toBeLessThanOrEqual(lineCount);
        continue;
      }
      expectPageOrLocatedError(parseComparisonPage(decoded.text, `bytes-${run}.txt`), lineCount);
    }
    expect(invalidUtf8).toBeGreaterThan(100);
  });
});
