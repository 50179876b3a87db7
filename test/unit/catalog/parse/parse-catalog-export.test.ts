// The export schema: a Quorum export is read only when every field is what Quorum itself writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageToRecord } from '../../../../src/catalog/import/page-to-record.js';
import { parseCatalogExport } from '../../../../src/catalog/parse/parse-catalog-export.js';
import { parseComparisonPage } from '../../../../src/catalog/parse/parse-comparison-page.js';
import type { CatalogExport, ComparisonRecord } from '../../../../src/catalog/types.js';
import { seedNames, seedText } from '../support.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const CRAFTED = readFileSync(
  new URL('../../../fixtures/exports/crafted-takeover.json', import.meta.url),
  'utf8',
);

function seedRecord(index = 0): ComparisonRecord {
  const name = seedNames[index] ?? '';
  const parsed = parseComparisonPage(seedText(name), name);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return pageToRecord(parsed.page, name, NOW - 60_000);
}

function exportOf(...comparisons: unknown[]): string {
  return JSON.stringify({
    format: 'quorum-catalog',
    version: 1,
    exportedAt: new Date(NOW - 1000).toISOString(),
    comparisons,
  });
}

/** The error message of a refused export (fails the test if it was read). */
function refusal(text: string): string {
  const result = parseCatalogExport(text, 'export.json', NOW);
  if (result.ok) throw new Error('the export was read');
  return result.error.message;
}

function withTool(record: ComparisonRecord, index: 0 | 1, fields: object): ComparisonRecord {
  const tools: ComparisonRecord['tools'] = [record.tools[0], record.tools[1]];
  tools[index] = { ...tools[index], ...fields };
  return { ...record, tools };
}

describe('parseCatalogExport', () => {
  it('reads what Quorum exports', () => {
    const records = [seedRecord(0), seedRecord(1)];
    const result = parseCatalogExport(exportOf(...records), 'export.json', NOW);
    expect(result).toEqual({ ok: true, records });
  });

  it('refuses the crafted export of issue 13: a slug that is not its name’s, dated in 2100', () => {
    const message = refusal(CRAFTED);
    expect(message).toMatch(/comparisons\[0\]\.tools\[1\]\.slug/);
    expect(message).toContain('"evil-corp"');
  });

  it('refuses a page dated in the future, and says which field and when', () => {
    const future = { ...seedRecord(), importedAt: NOW + 24 * 3600_000 };
    expect(refusal(exportOf(future))).toMatch(/comparisons\[0\]\.importedAt .*future/);
  });

  it('accepts a date a few minutes ahead (another device’s clock), not an hour', () => {
    const ahead = { ...seedRecord(), importedAt: NOW + 2 * 60_000 };
    expect(parseCatalogExport(exportOf(ahead), 'export.json', NOW).ok).toBe(true);
    const hour = { ...seedRecord(), importedAt: NOW + 3600_000 };
    expect(parseCatalogExport(exportOf(hour), 'export.json', NOW).ok).toBe(false);
  });

  it('refuses dates that are not whole, non-negative milliseconds', () => {
    for (const importedAt of [-1, 1.5, 1e300, '2026-01-01']) {
      expect(refusal(exportOf({ ...seedRecord(), importedAt }))).toMatch(/importedAt/);
    }
    const badDate = JSON.stringify({ ...JSON.parse(exportOf(seedRecord())), exportedAt: 'soon' });
    expect(refusal(badDate)).toMatch(/exportedAt/);
  });

  it('refuses an id that is not its title’s slug', () => {
    const record = { ...seedRecord(), id: 'openrouter-model-fusion-vs-something' };
    expect(refusal(exportOf(record))).toMatch(/comparisons\[0\]\.id .*"litert-lm-vs-openrouter/);
  });

  it('refuses a slug that is not its name’s, and toolSlugs that differ from the tools', () => {
    const renamed = withTool(seedRecord(), 0, { name: 'Somebody Else' });
    expect(refusal(exportOf(renamed))).toMatch(/tools\[0\]\.slug .*"somebody-else"/);
    const slugs = { ...seedRecord(), toolSlugs: ['litert-lm', 'evil-corp'] };
    expect(refusal(exportOf(slugs))).toMatch(/toolSlugs/);
  });

  it('refuses a category that is not the one the tools’ categories give', () => {
    const record = { ...seedRecord(), category: 'Robotics' };
    expect(refusal(exportOf(record))).toMatch(/comparisons\[0\]\.category .*"Developer Tools"/);
  });

  it('refuses line breaks in one-line fields and text longer than a page can hold', () => {
    const broken = withTool(seedRecord(), 0, { tagline: 'one\ntwo' });
    expect(refusal(exportOf(broken))).toMatch(/tools\[0\]\.tagline .*line break/);
    const huge = withTool(seedRecord(), 1, { description: 'x'.repeat(2 * 1024 * 1024) });
    expect(refusal(exportOf(huge))).toMatch(/comparisons\[0\] .*too long/);
  });

  it('ignores fields it does not know, at every level', () => {
    const record = seedRecord();
    const extra = {
      ...record,
      trusted: true,
      tools: [{ ...record.tools[0], style: 'position:fixed' }, record.tools[1]],
      scorecard: record.scorecard.map((row) => ({ ...row, html: '<b>x</b>' })),
    };
    const text = JSON.stringify({ ...JSON.parse(exportOf(extra)), signedBy: 'nobody' });
    expect(parseCatalogExport(text, 'export.json', NOW)).toEqual({ ok: true, records: [record] });
  });
});

/** Keeps the fixture honest: apart from the slug and the date it is a well-formed export. */
describe('the crafted export fixture', () => {
  it('is otherwise valid: with its own slug and a past date it would be read', () => {
    const crafted = JSON.parse(CRAFTED) as CatalogExport;
    const record = crafted.comparisons[0];
    if (!record) throw new Error('no comparison');
    const honest = {
      ...crafted,
      exportedAt: new Date(NOW).toISOString(),
      comparisons: [
        {
          ...withTool(record, 1, { slug: 'evil-corp' }),
          toolSlugs: ['litert-lm', 'evil-corp'],
          importedAt: NOW - 1000,
        },
      ],
    };
    expect(parseCatalogExport(JSON.stringify(honest), 'export.json', NOW).ok).toBe(true);
  });
});
