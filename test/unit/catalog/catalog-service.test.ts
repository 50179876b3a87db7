// The catalog service on a real (fake-indexeddb) database: paging, counting, searching and importing.
import { describe, expect, it } from 'vitest';
import { CatalogChangeEvent, CatalogService } from '../../../src/catalog/catalog-service.js';
import { textFile, type ImportReport } from '../../../src/catalog/import/import-catalog.js';
import { listPage } from '../../../src/catalog/search/list-first-page.js';
import type { QuorumDatabase } from '../../../src/db/open-database.js';
import { fixtureText, freshDatabase, seedFiles, textAsFile } from './support.js';

const FUSION = 'openrouter-model-fusion';

/** The five seeds, each imported on its own a second apart (newest last). */
async function seededService(db?: QuorumDatabase): Promise<CatalogService> {
  let now = 0;
  const service = new CatalogService(db ?? (await freshDatabase()), { now: () => (now += 1000) });
  for (const file of seedFiles()) await service.importFiles([file]);
  return service;
}

describe('CatalogService', () => {
  it('keeps its count in step with imports', async () => {
    const service = await seededService();
    expect(await service.count()).toBe(5);
    await service.importFiles([textAsFile('special-names.txt', fixtureText('special-names.txt'))]);
    expect(await service.count()).toBe(6);
    const failed = await service.importFiles([
      textAsFile('truncated.txt', fixtureText('truncated.txt')),
    ]);
    expect(failed.ok).toBe(false);
    expect(await service.count()).toBe(6);
  });

  it('pages through comparisons newest first', async () => {
    const db = await freshDatabase();
    const service = await seededService(db);
    expect(await service.count()).toBe(5);
    const first = await listPage(db, 0, 2);
    const rest = await listPage(db, 2, 10);
    expect(first.map((r) => r.tools[0].name)).toEqual([
      'Gemma Tuner Multimodal',
      'Gemini 2.5 Flash Lite',
    ]);
    expect(rest.map((r) => r.tools[0].name)).toEqual([
      'Llama 4 Scout Quantized (Edge)',
      'Llama 4 Compact (12B)',
      'LiteRT-LM',
    ]);
    expect(await listPage(db, 5, 10)).toEqual([]);
  });

  it('pages through pages imported together by id, across imports, whatever the page size', async () => {
    const db = await freshDatabase();
    let now = 0;
    const service = new CatalogService(db, { now: () => (now += 1000) });
    const seeds = seedFiles();
    await service.importFiles(seeds.slice(0, 2));
    const olderIds = (await listPage(db, 0, 2)).map((r) => r.id);
    await service.importFiles(seeds.slice(2));
    // Newest import first, by id within it, then the older import.
    const expected = (await listPage(db, 0, 10)).map((r) => r.id);
    expect(expected).toHaveLength(5);
    expect(expected.slice(0, 3)).toEqual([...expected.slice(0, 3)].sort());
    expect(expected.slice(3)).toEqual(olderIds);
    for (const size of [1, 2, 3, 4, 5]) {
      const pages: string[] = [];
      for (let offset = 0; offset < 5; offset += size) {
        pages.push(...(await listPage(db, offset, size)).map((r) => r.id));
      }
      expect(pages, `page size ${size}`).toEqual(expected);
    }
  });

  it('ends a page at the catalog size it is told, without looking for older pages', async () => {
    const db = await freshDatabase();
    await seededService(db);
    const all = await listPage(db, 0, 10, () => 5);
    expect(all.map((r) => r.id)).toEqual((await listPage(db, 0, 10)).map((r) => r.id));
    // A stale, smaller size stops the page there: the size is what bounds it.
    expect(await listPage(db, 0, 10, () => 2)).toHaveLength(2);
    expect(await listPage(db, 1, 10, () => 3)).toHaveLength(2);
  });

  it('searches with the index built lazily from storage', async () => {
    const service = await seededService();
    const result = await service.search('llama', {}, 1);
    expect(result.total).toBe(3);
    // Only the requested page crosses over: one card, and its id.
    expect(result.ids).toHaveLength(1);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.id).toBe(result.ids[0]);
    const next = await service.search('llama', {}, 5, 1);
    expect(next.ids).toHaveLength(2);
    expect(next.ids).not.toContain(result.ids[0]);
    expect(await service.facets()).toEqual({
      categories: ['Developer Tools'],
      entries: ['Free', 'Paid'],
    });
  });

  it('updates the search index after an import and fires a change event with the report', async () => {
    const service = await seededService();
    await service.ready();
    const reports: (ImportReport | null)[] = [];
    service.addEventListener('change', (event) => {
      if (event instanceof CatalogChangeEvent) reports.push(event.report);
    });
    const report = await service.importFiles([
      textAsFile('new.txt', fixtureText('special-names.txt')),
    ]);
    expect(reports).toEqual([report]);
    expect((await service.search('straight quo', {})).ids).toEqual([
      'gpt-4-1-mini-vs-r-and-d-bot-2-0',
    ]);
    expect((await service.facets()).entries).toEqual(['Free', 'Freemium', 'Paid']);
  });

  it('follows an import made in another tab: fires a change once its index holds the page', async () => {
    const db = await freshDatabase();
    const here = await seededService(db);
    await here.ready();
    const otherTab = new CatalogService(db);
    const changed = new Promise<Event>((resolve) =>
      here.addEventListener('change', resolve, { once: true }),
    );
    const report = await otherTab.importFiles([
      textAsFile('new.txt', fixtureText('special-names.txt')),
    ]);
    expect(((await changed) as CatalogChangeEvent).report).toBeNull();
    expect((await here.search('straight quo', {})).ids).toEqual(report.added);
    here.close();
    otherTab.close();
  });

  it('imports pasted text under the name "pasted text" and reports its errors by that name', async () => {
    const service = await seededService();
    const report = await service.importFiles([textFile('AI tool comparison\nNo separator here')]);
    expect(report.errors).toEqual([expect.objectContaining({ fileName: 'pasted text', line: 2 })]);
  });

  it('reads tools and the comparisons each appears in', async () => {
    const service = await seededService();
    const tools = await service.listTools();
    expect(tools.map((tool) => tool.slug)).toHaveLength(6);
    expect((await service.getTool(FUSION))?.name).toBe('OpenRouter Model Fusion');
    const comparisons = await service.comparisonsForTool(FUSION);
    expect(comparisons).toHaveLength(5);
    expect(comparisons[0]?.tools[0].name).toBe('Gemma Tuner Multimodal');
    expect(await service.comparisonsForTool('litert-lm')).toHaveLength(1);
    expect(await service.getComparison('nope')).toBeUndefined();
  });

  it('exports every comparison', async () => {
    const service = await seededService();
    const exported = await service.exportCatalog();
    expect(exported.format).toBe('quorum-catalog');
    expect(exported.comparisons).toHaveLength(5);
  });
});
