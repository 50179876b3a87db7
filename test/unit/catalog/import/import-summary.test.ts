// The sentence an import or a refused import ends with: files, counts, differences and every error by line.
import { describe, expect, it } from 'vitest';
import {
  NOTHING_IMPORTED,
  summarizeImport,
  summarizeRefusal,
  type ImportOutcome,
} from '../../../../src/catalog/import/import-summary.js';
import { classifyStorageError } from '../../../../src/catalog/import/import-catalog.js';
import { parseComparisonPage } from '../../../../src/catalog/parse/parse-comparison-page.js';

const success = (over: Partial<ImportOutcome> = {}): ImportOutcome => ({
  ok: true,
  added: [],
  updated: [],
  unchanged: [],
  errors: [],
  storageError: null,
  toolDifferences: 0,
  ...over,
});

describe('summarizeImport', () => {
  it('names the file and counts one added comparison in the singular', () => {
    const summary = summarizeImport(success({ added: ['a-vs-b'] }), ['foo.txt']);
    expect(summary.ok).toBe(true);
    expect(summary.lines[0]?.text).toBe('Imported 1 new comparison from foo.txt.');
  });
  it('says unchanged when a re-import adds nothing', () => {
    const summary = summarizeImport(success({ unchanged: ['x', 'y'] }), ['export.json']);
    expect(summary.lines[0]?.text).toBe(
      'Imported 0 new comparisons from export.json (2 already in your catalog, unchanged).',
    );
  });
  it('shortens long file lists but keeps the first names', () => {
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    const text = summarizeImport(success({ added: names }), names).lines[0]?.text;
    expect(text).toContain('a.txt, b.txt, c.txt and 2 more files');
  });
  it('mentions tool differences when there are some', () => {
    const summary = summarizeImport(success({ added: ['x'], toolDifferences: 2 }), ['f.txt']);
    expect(summary.lines[1]?.text).toMatch(/^2 tool fields differed/);
  });
  it('names file, line and expectation of every error and ends with nothing imported', () => {
    const summary = summarizeImport(
      success({
        ok: false,
        errors: [
          {
            fileName: 'bar.txt',
            line: 4,
            expected: 'the label "Panel ship"',
            message: 'Line 4 is "x".',
          },
        ],
      }),
      ['bar.txt', 'good.txt'],
    );
    expect(summary.ok).toBe(false);
    expect(summary.lines[0]).toEqual({
      text: 'bar.txt, line 4: expected the label "Panel ship".',
      detail: 'Line 4 is "x".',
    });
    expect(summary.lines.at(-1)?.text).toBe(NOTHING_IMPORTED);
  });
  it('reports a storage failure even without parse errors', () => {
    const summary = summarizeImport(
      success({
        ok: false,
        storageError: { kind: 'quota-exceeded', message: 'The disk is full.' },
      }),
      ['a.txt'],
    );
    expect(summary.lines[0]?.text).toContain('The disk is full.');
  });
  it('words a full disk without empty brackets or a dangling colon when the browser gives no message', () => {
    // What Chromium rejects a write with when the disk is full: a QuotaExceededError with no message.
    const storageError = classifyStorageError(new DOMException('', 'QuotaExceededError'));
    const summary = summarizeImport(success({ ok: false, storageError }), ['a.txt']);
    const [line] = summary.lines;
    expect(line?.text).toMatch(
      /^Could not save to this browser’s storage: The browser has no storage/,
    );
    expect(line?.detail).toBe('QuotaExceededError');
    for (const { text, detail = '' } of summary.lines) {
      expect(`${text} ${detail}`).not.toMatch(/\(\s*\)|:\s*$/);
    }
  });
});

describe('a page that is not one (issue 10 item 11)', () => {
  it.each([
    ['hello world', 'AI tool comparison'],
    ['AI tool comparison\nFoo vs Bar\nAn intro.', 'a category'],
  ])('says what was expected once, then what the page has: %j', (text, expected) => {
    const parsed = parseComparisonPage(text, 'pasted text');
    if (parsed.ok) throw new Error('parsed');
    const [line] = summarizeImport(success({ ok: false, errors: [parsed.error] }), [
      'pasted text',
    ]).lines;
    const said = `${line?.text ?? ''} ${line?.detail ?? ''}`;
    expect(said.split(expected)).toHaveLength(2);
  });
});

describe('summarizeRefusal', () => {
  it('names each refused file and says nothing was imported', () => {
    const summary = summarizeRefusal([{ fileName: 'huge.txt', reason: 'is larger than 5 MB.' }]);
    expect(summary.lines.map((line) => line.text)).toEqual([
      'huge.txt: is larger than 5 MB.',
      NOTHING_IMPORTED,
    ]);
  });
});
