import { describe, expect, it } from 'vitest';
import { readImportFiles } from '../../../../src/catalog/import/read-import-files.js';
import { CatalogSearchIndex } from '../../../../src/catalog/search/search-index.js';
import type { ComparisonRecord } from '../../../../src/catalog/types.js';
import { generatePages } from '../../../bench/generate-pages.js';

function records(count: number, seed: number, importedAt: number): ComparisonRecord[] {
  const encoder = new TextEncoder();
  const files = generatePages({ count, seed }).map((page) => ({
    name: page.fileName,
    bytes: encoder.encode(page.text),
  }));
  return readImportFiles(files, importedAt).candidates;
}

const QUERIES = ['', 'l', 'v', 'open', 'open s', 'model l', 'latency tok'];

describe('CatalogSearchIndex snapshots', () => {
  it('restores from a structured clone with the same answers and facets', () => {
    const index = new CatalogSearchIndex();
    records(120, 1, 1000).forEach((record) => index.add(record));
    index.remove(records(120, 1, 1000)[5]!.id);
    const restored = CatalogSearchIndex.restore(structuredClone(index.snapshot('rev-1')));
    expect(restored.size).toBe(119);
    for (const query of QUERIES) expect(restored.search(query)).toEqual(index.search(query));
    expect(restored.facets()).toEqual(index.facets());
  });

  it('keeps accepting new and replaced records after a restore', () => {
    const index = new CatalogSearchIndex();
    const first = records(80, 2, 1000);
    first.forEach((record) => index.add(record));
    const restored = CatalogSearchIndex.restore(structuredClone(index.snapshot(null)));
    const later = [...records(20, 3, 2000), { ...first[0]!, intro: 'Now about zeppelins.' }];
    for (const record of later) {
      index.add(record);
      restored.add(record);
    }
    for (const query of [...QUERIES, 'zeppelin']) {
      expect(restored.search(query)).toEqual(index.search(query));
    }
    expect(restored.search('zeppelin')).toEqual([first[0]!.id]);
  });

  it('lists pages imported together by id, newest import first', () => {
    const index = new CatalogSearchIndex();
    const older = records(3, 4, 1000);
    const newer = records(3, 5, 2000);
    [...newer, ...older].forEach((record) => index.add(record));
    const byId = (list: ComparisonRecord[]) => list.map((record) => record.id).sort();
    expect(index.search('')).toEqual([...byId(newer), ...byId(older)]);
  });
});
