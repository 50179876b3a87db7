// Importing pages and exports into the catalog: all or nothing, unchanged and updated pages, tool fields merged
// across pages, and a tool keeps the name it was first stored under.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  exportCatalog,
  serializeCatalogExport,
} from '../../../../src/catalog/import/export-catalog.js';
import { importReport } from '../../../support/import-report.js';
import { textFile } from '../../../../src/catalog/import/import-catalog.js';
import type { ComparisonRecord } from '../../../../src/catalog/types.js';
import {
  dumpCatalog,
  fixtureBytes,
  fixtureText,
  freshDatabase,
  seedFile,
  seedFiles,
  seedNames,
  seedText,
  textAsFile,
} from '../support.js';

const clock = (start = 1_000): (() => number) => {
  let now = start;
  return () => (now += 1000);
};
const FIRST = '000_39035efba6c307d6.txt';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importing files', () => {
  it('stores the five seeds as five comparisons and six distinct tools', async () => {
    const db = await freshDatabase();
    const report = await importReport(db, seedFiles(), { now: clock() });
    expect(report).toMatchObject({ ok: true, errors: [], storageError: null, toolDifferences: 0 });
    expect(report.added).toHaveLength(5);
    expect(report.added).toContain('litert-lm-vs-openrouter-model-fusion');
    expect(await db.count('comparisons')).toBe(5);
    const tools = await db.getAll('tools');
    expect(tools).toHaveLength(6);
    const fusion = await db.get('tools', 'openrouter-model-fusion');
    expect(fusion?.comparisonIds).toHaveLength(5);
    expect(fusion?.differences).toEqual([]);
    expect(
      await db.getAllFromIndex('comparisons', 'by-tool', 'openrouter-model-fusion'),
    ).toHaveLength(5);
  });

  it('stores the same page once and reports the second import unchanged', async () => {
    const db = await freshDatabase();
    const now = clock();
    const first = await importReport(db, [seedFile(FIRST)], { now });
    const before = await dumpCatalog(db);
    const second = await importReport(db, [{ ...seedFile(FIRST), name: 'renamed.txt' }], { now });
    expect(first.added).toEqual(['litert-lm-vs-openrouter-model-fusion']);
    expect(second).toMatchObject({ ok: true, added: [], updated: [] });
    expect(second.unchanged).toEqual(['litert-lm-vs-openrouter-model-fusion']);
    expect(await dumpCatalog(db)).toEqual(before);
  });

  it('reports a changed page as updated', async () => {
    const db = await freshDatabase();
    await importReport(db, [seedFile(FIRST)], { now: clock() });
    const changed = seedText(FIRST).replace('LiteRT-LM is Google', 'LiteRT-LM is really Google');
    const report = await importReport(db, [textFile(changed)], { now: clock(50_000) });
    expect(report.updated).toEqual(['litert-lm-vs-openrouter-model-fusion']);
    const stored = await db.get('comparisons', 'litert-lm-vs-openrouter-model-fusion');
    expect(stored?.tools[0].description).toMatch(/^LiteRT-LM is really Google/);
    expect(stored?.sourceFile).toBe('pasted text');
  });

  it('stores nothing when one file of a multi-file import is malformed, and names every bad file', async () => {
    const db = await freshDatabase();
    const report = await importReport(db, [
      ...seedFiles(),
      { name: 'percentage-150.txt', bytes: fixtureBytes('percentage-150.txt') },
      { name: 'non-utf8.txt', bytes: fixtureBytes('non-utf8.txt') },
    ]);
    expect(report.ok).toBe(false);
    expect(report.errors.map((error) => [error.fileName, error.line])).toEqual([
      ['percentage-150.txt', 7],
      ['non-utf8.txt', 6],
    ]);
    expect(report.added).toEqual([]);
    expect(await db.count('comparisons')).toBe(0);
    expect(await db.count('tools')).toBe(0);
  });

  it('stores nothing when a write fails synchronously mid-transaction (quota)', async () => {
    const db = await freshDatabase();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'tools') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const report = await importReport(db, seedFiles());
    vi.restoreAllMocks();
    expect(report.ok).toBe(false);
    expect(report.storageError?.kind).toBe('quota-exceeded');
    expect(report.added).toEqual([]);
    expect(await db.count('comparisons')).toBe(0);
    expect(await db.count('tools')).toBe(0);
  });

  it('rolls back earlier writes when a later request fails inside the transaction', async () => {
    const db = await freshDatabase();
    const now = clock();
    await importReport(db, [seedFile(FIRST)], { now });
    const before = await dumpCatalog(db);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      // `add` of a key that already exists fails asynchronously with a ConstraintError.
      if (this.name === 'tools') return this.add(...args);
      return put.apply(this, args);
    });
    const report = await importReport(db, seedFiles().slice(1), { now });
    vi.restoreAllMocks();
    // A storage failure other than a full disk: the browser's own words are the detail.
    expect(report.storageError?.kind).toBe('storage');
    expect(report.storageError?.message).toMatch(/nothing was imported/);
    expect(report.storageError?.detail).toMatch(/ConstraintError/);
    expect(await dumpCatalog(db)).toEqual(before);
  });

  it('lets the newest page win for a tool field and records the difference', async () => {
    const db = await freshDatabase();
    const now = clock();
    await importReport(db, seedFiles(), { now });
    const cheaper = seedText(FIRST).split('\n');
    cheaper[20] = 'Freemium'; // line 21: OpenRouter Model Fusion's entry price
    const report = await importReport(db, [textAsFile('newer.txt', cheaper.join('\n'))], { now });
    expect(report.toolDifferences).toBe(1);
    const fusion = await db.get('tools', 'openrouter-model-fusion');
    expect(fusion?.entry).toBe('Freemium');
    expect(fusion?.differences).toEqual([
      {
        field: 'entry',
        previousValue: 'Paid',
        previousComparisonId: 'gemma-tuner-multimodal-vs-openrouter-model-fusion',
        currentValue: 'Freemium',
        currentComparisonId: 'litert-lm-vs-openrouter-model-fusion',
      },
    ]);
    expect(fusion?.comparisonIds).toHaveLength(5);
  });

  it('counts later files in the same import as newer', async () => {
    const db = await freshDatabase();
    const lines = seedText(seedNames[1] ?? '').split('\n');
    lines[15] = 'A different tagline';
    const report = await importReport(db, [
      seedFile(FIRST),
      textAsFile('later.txt', lines.join('\n')),
    ]);
    expect(report.toolDifferences).toBe(1);
    expect((await db.get('tools', 'openrouter-model-fusion'))?.tagline).toBe('A different tagline');
  });

  it('imports a page with markup as plain text', async () => {
    const db = await freshDatabase();
    await importReport(db, [textFile(fixtureText('special-names.txt'))]);
    const stored = await db.get('comparisons', 'gpt-4-1-mini-vs-r-and-d-bot-2-0');
    expect(stored?.intro).toContain('<img src=x onerror=alert(1)>');
    expect(stored?.category).toBe('Chat & Assistants / Research Tools');
  });
});

describe('export and re-import', () => {
  it('round-trips: re-importing an export reports everything unchanged and changes nothing', async () => {
    const db = await freshDatabase();
    await importReport(db, seedFiles(), { now: clock() });
    await importReport(db, [textFile(fixtureText('special-names.txt'))], { now: clock(90_000) });
    const before = await dumpCatalog(db);
    const exported = await exportCatalog(db);
    expect(exported.comparisons).toHaveLength(6);
    const file = textAsFile('quorum-catalog-2026-11-23.json', serializeCatalogExport(exported));
    const report = await importReport(db, [file], { now: clock(500_000) });
    expect(report).toMatchObject({ ok: true, added: [], updated: [], toolDifferences: 0 });
    expect(report.unchanged).toHaveLength(6);
    expect(await dumpCatalog(db)).toEqual(before);
  });

  it('restores an export into an empty catalog with the same comparisons', async () => {
    const source = await freshDatabase();
    await importReport(source, seedFiles(), { now: clock() });
    const exported = serializeCatalogExport(await exportCatalog(source));
    const target = await freshDatabase();
    const report = await importReport(target, [textAsFile('backup.json', exported)]);
    expect(report.added).toHaveLength(5);
    expect(await target.getAll('comparisons')).toEqual(await source.getAll('comparisons'));
    expect(await target.count('tools')).toBe(6);
  });

  it('rejects an export with a wrong shape, naming the file and the field', async () => {
    const db = await freshDatabase();
    await importReport(db, [seedFile(FIRST)]);
    const exported = await exportCatalog(db);
    const broken = JSON.parse(JSON.stringify(exported)) as { comparisons: { tools: unknown[] }[] };
    broken.comparisons[0]?.tools.pop();
    const report = await importReport(db, [
      textAsFile('broken.json', JSON.stringify(broken)),
      textAsFile('not-json.json', '{ "format": "quorum-catalog",\n  oops }'),
      textAsFile('wrong.json', JSON.stringify({ format: 'something-else', version: 1 })),
    ]);
    expect(report.ok).toBe(false);
    expect(report.errors.map((error) => error.fileName)).toEqual([
      'broken.json',
      'not-json.json',
      'wrong.json',
    ]);
    expect(report.errors[0]?.message).toMatch(/comparisons\[0\]\.tools/);
    expect(report.errors[1]?.line).toBe(2);
    expect(report.errors[2]?.message).toMatch(/format/);
    expect(await db.count('comparisons')).toBe(1);
  });

  it('rejects an export whose percentages are out of range', async () => {
    const db = await freshDatabase();
    await importReport(db, [seedFile(FIRST)]);
    const exported = await exportCatalog(db);
    const record = exported.comparisons[0];
    if (record === undefined) throw new Error('no record');
    const bad = {
      ...exported,
      comparisons: [
        { ...record, tools: [{ ...record.tools[0], panelShip: 150 }, record.tools[1]] },
      ],
    };
    const report = await importReport(db, [textAsFile('bad.json', JSON.stringify(bad))]);
    expect(report.errors[0]?.message).toMatch(/tools\[0\]\.panelShip/);
  });
});

describe('a tool’s identity', () => {
  const FUSION = 'openrouter-model-fusion';
  const crafted = readFileSync(
    new URL('../../../fixtures/exports/crafted-takeover.json', import.meta.url),
  );

  it('refuses the crafted export of issue 13 and leaves the tool as it was', async () => {
    const db = await freshDatabase();
    await importReport(db, seedFiles());
    const before = await dumpCatalog(db);
    const report = await importReport(db, [{ name: 'evil.json', bytes: crafted }]);
    expect(report.ok).toBe(false);
    expect(report.errors.map((error) => error.fileName)).toEqual(['evil.json']);
    expect(report.errors[0]?.message).toMatch(/tools\[1\]\.slug/);
    expect(await dumpCatalog(db)).toEqual(before);
    expect((await db.get('tools', FUSION))?.name).toBe('OpenRouter Model Fusion');
  });

  it('keeps a tool’s name when a later page spells it differently, and lists the spelling', async () => {
    const db = await freshDatabase();
    const now = clock();
    await importReport(db, seedFiles(), { now });
    // The title and the name line only: the description keeps its own words.
    const respelled = seedText(FIRST)
      .split('\n')
      .map((line) =>
        line.startsWith('LiteRT-LM vs ') || line === 'OpenRouter Model Fusion'
          ? line.replace('OpenRouter Model Fusion', 'OPENROUTER model fusion')
          : line,
      )
      .join('\n');
    const report = await importReport(db, [textAsFile('respelled.txt', respelled)], { now });
    expect(report.updated).toEqual(['litert-lm-vs-openrouter-model-fusion']);
    expect(report.toolDifferences).toBe(1);
    const fusion = await db.get('tools', FUSION);
    expect(fusion?.name).toBe('OpenRouter Model Fusion');
    expect(fusion?.differences).toEqual([
      {
        field: 'name',
        previousValue: 'OPENROUTER model fusion',
        previousComparisonId: 'litert-lm-vs-openrouter-model-fusion',
        currentValue: 'OpenRouter Model Fusion',
        // The first other page that named the tool, in import order.
        currentComparisonId: 'llama-4-compact-12b-vs-openrouter-model-fusion',
      },
    ]);
  });

  it('keeps the name through a newer export and a re-import of the real page', async () => {
    const db = await freshDatabase();
    await importReport(db, seedFiles(), { now: () => Date.now() - 3_600_000 });
    const exported = await exportCatalog(db);
    const record = exported.comparisons.find(
      (c) => c.id === 'litert-lm-vs-openrouter-model-fusion',
    );
    if (!record) throw new Error('no seed record');
    const renamed: ComparisonRecord = {
      ...record,
      title: 'LiteRT-LM vs openrouter MODEL fusion',
      tools: [record.tools[0], { ...record.tools[1], name: 'openrouter MODEL fusion' }],
      importedAt: Date.now() - 1000,
    };
    const file = textAsFile(
      'newer.json',
      serializeCatalogExport({ ...exported, comparisons: [renamed] }),
    );
    expect((await importReport(db, [file])).ok).toBe(true);
    expect((await db.get('tools', FUSION))?.name).toBe('OpenRouter Model Fusion');
    await importReport(db, [seedFile(FIRST)]);
    const fusion = await db.get('tools', FUSION);
    expect(fusion?.name).toBe('OpenRouter Model Fusion');
    expect(fusion?.differences.some((d) => d.field === 'name')).toBe(true);
  });
});
