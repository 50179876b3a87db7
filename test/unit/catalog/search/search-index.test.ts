import { describe, expect, it } from 'vitest';
import { pageToRecord } from '../../../../src/catalog/import/page-to-record.js';
import { parseComparisonPage } from '../../../../src/catalog/parse/parse-comparison-page.js';
import { CatalogSearchIndex } from '../../../../src/catalog/search/search-index.js';
import type { ComparisonRecord } from '../../../../src/catalog/types.js';
import { generatePages } from '../../../bench/generate-pages.js';
import { fixtureText, seedNames, seedText } from '../support.js';

function record(text: string, importedAt: number): ComparisonRecord {
  const result = parseComparisonPage(text, 'page.txt');
  if (!result.ok) throw new Error(result.error.message);
  return pageToRecord(result.page, 'page.txt', importedAt);
}

const seeds = seedNames.map((name, i) => record(seedText(name), 1000 + i));
const special = record(fixtureText('special-names.txt'), 5000);
const ID = {
  litert: 'litert-lm-vs-openrouter-model-fusion',
  compact: 'llama-4-compact-12b-vs-openrouter-model-fusion',
  scout: 'llama-4-scout-quantized-edge-vs-openrouter-model-fusion',
  gemini: 'gemini-2-5-flash-lite-vs-openrouter-model-fusion',
  tuner: 'gemma-tuner-multimodal-vs-openrouter-model-fusion',
  special: 'gpt-4-1-mini-vs-r-and-d-bot-2-0',
};

function fullIndex(): CatalogSearchIndex {
  const index = new CatalogSearchIndex();
  [...seeds, special].forEach((r) => index.add(r));
  return index;
}

describe('CatalogSearchIndex', () => {
  it('lists everything newest first for an empty query', () => {
    expect(fullIndex().search('', {})).toEqual([
      ID.special,
      ID.tuner,
      ID.gemini,
      ID.scout,
      ID.compact,
      ID.litert,
    ]);
  });

  it('finds tool names, case- and diacritics-insensitively', () => {
    expect(fullIndex().search('LITERT', {})).toEqual([ID.litert]);
    expect(fullIndex().search('gémini flash', {})).toEqual([ID.gemini]);
  });

  it('finds taglines, descriptions and quotes', () => {
    const index = fullIndex();
    expect(index.search('fine-tune', {})).toEqual([ID.tuner]);
    expect(index.search('raspberry', {}).sort()).toEqual([ID.litert, ID.scout].sort());
    expect(index.search('billing meter', {})).toEqual([ID.litert]);
    expect(index.search('straight quotes', {})).toEqual([ID.special]);
  });

  it('matches the last word as a prefix while typing, earlier words exactly', () => {
    const index = fullIndex();
    expect(index.search('raspb', {}).sort()).toEqual([ID.litert, ID.scout].sort());
    expect(index.search('billin', {})).toEqual([ID.litert]);
    expect(index.search('scou', {})).toEqual([ID.scout]);
    expect(index.search('scou quant', {})).toEqual([]);
    expect(index.search('billin ', {})).toEqual([]);
  });

  it('requires every word to match', () => {
    const index = fullIndex();
    expect(index.search('raspberry llama', {}).sort()).toEqual([ID.litert, ID.scout].sort());
    expect(index.search('llama compact', {})).toEqual([ID.compact]);
    expect(index.search('llama zebra', {})).toEqual([]);
  });

  it('ranks name hits above description and quote hits', () => {
    // "Llama" names a tool in two pages; the LiteRT-LM page only mentions it in its text.
    const ids = fullIndex().search('llama', {});
    expect(ids).toHaveLength(3);
    expect(ids.slice(0, 2).sort()).toEqual([ID.compact, ID.scout].sort());
    expect(ids[2]).toBe(ID.litert);
  });

  it('filters by category, entry price and panel ship', () => {
    const index = fullIndex();
    expect(index.search('', { category: 'Research Tools' })).toEqual([ID.special]);
    expect(index.search('', { entry: 'Freemium' })).toEqual([ID.special]);
    expect(index.search('', { entry: 'Paid' })).toHaveLength(5);
    expect(index.search('', { minPanelShip: 100 }).sort()).toEqual(
      [ID.compact, ID.scout, ID.gemini, ID.special].sort(),
    );
    expect(index.search('tuner', {})).toEqual([ID.tuner]);
    expect(index.search('tuner', { minPanelShip: 100 })).toEqual([]);
  });

  it('lists the facets present in the catalog', () => {
    expect(fullIndex().facets()).toEqual({
      categories: ['Chat & Assistants', 'Developer Tools', 'Research Tools'],
      entries: ['Free', 'Freemium', 'Paid'],
    });
  });

  it('forgets removed records, their facets, and replaces a re-added record', () => {
    const index = fullIndex();
    index.remove(ID.special);
    expect(index.search('straight', {})).toEqual([]);
    expect(index.facets().categories).toEqual(['Developer Tools']);
    index.add({ ...seeds[0]!, intro: 'Now mentions zeppelins.' } as ComparisonRecord);
    expect(index.search('zeppelin', {})).toEqual([ID.litert]);
    expect(index.size).toBe(5);
  });

  it('keeps answering correctly after many removals compact the index', () => {
    const index = new CatalogSearchIndex();
    for (let i = 0; i < 300; i += 1) {
      const base = seeds[i % seeds.length]!;
      index.add({ ...base, id: `${base.id}-${i}`, intro: `copy number${i}`, importedAt: i });
    }
    for (let i = 0; i < 290; i += 1) index.remove(`${seeds[i % seeds.length]!.id}-${i}`);
    expect(index.size).toBe(10);
    expect(index.search('number29', {})).toEqual([
      `${seeds[4]!.id}-299`,
      `${seeds[3]!.id}-298`,
      `${seeds[2]!.id}-297`,
      `${seeds[1]!.id}-296`,
      `${seeds[0]!.id}-295`,
      `${seeds[4]!.id}-294`,
      `${seeds[3]!.id}-293`,
      `${seeds[2]!.id}-292`,
      `${seeds[1]!.id}-291`,
      `${seeds[0]!.id}-290`,
    ]);
    expect(index.search('number5', {})).toEqual([]);
    expect(index.search('litert', {})).toEqual([`${ID.litert}-295`, `${ID.litert}-290`]);
  });

  it('pages through the same ranking it returns in full, selecting only as far as each page', () => {
    const index = new CatalogSearchIndex();
    generatePages({ count: 1500, seed: 21 }).forEach((page, i) =>
      index.add(record(page.text, i % 40)),
    );
    const queries: [string, { entry?: string; minPanelShip?: number }][] = [
      ['', {}],
      ['l', {}],
      ['v', {}],
      ['open', {}],
      ['model s', {}],
      ['a', { entry: 'Paid' }],
      ['', { minPanelShip: 60 }],
    ];
    for (const [query, filters] of queries) {
      const all = index.search(query, filters);
      expect(all.length).toBeGreaterThan(30);
      for (const [offset, limit] of [
        [0, 24],
        [24, 24],
        [all.length - 5, 24],
        [7, 1],
      ] as const) {
        expect(index.searchPage(query, filters, offset, limit)).toEqual({
          total: all.length,
          ids: all.slice(offset, offset + limit),
        });
      }
    }
    // 1,500 generated pages to index: seconds on a busy two-core machine, past Vitest's 5 s default.
  }, 30_000);
});
