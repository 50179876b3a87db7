// The benchmark's generated pages parse with the app's own parser and look like the seeds.
import { describe, expect, it } from 'vitest';
import { parseComparisonPage } from '../../../src/catalog/parse/parse-comparison-page.js';
import type { ToolSnapshot } from '../../../src/catalog/types.js';
import { generatePages } from '../../bench/generate-pages.js';

const pages = generatePages({ count: 400 });

describe('generatePages', () => {
  it('produces the same pages for the same seed and different pages for another seed', () => {
    expect(generatePages({ count: 20 })).toEqual(pages.slice(0, 20));
    expect(generatePages({ count: 20, seed: 7 })).not.toEqual(pages.slice(0, 20));
  });

  it('writes pages the app parser accepts, each with two tools and 8 quotes', () => {
    for (const page of pages) {
      const parsed = parseComparisonPage(page.text, page.fileName);
      if (!parsed.ok) throw new Error(`${page.fileName}: ${parsed.error.message}`);
      expect(parsed.page.scorecard).toHaveLength(4);
    }
  });

  it('keeps pages in the seeds’ size range (about 6–7 KB on average)', () => {
    const sizes = pages.map((page) => new TextEncoder().encode(page.text).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(6000);
    expect(mean).toBeLessThan(7200);
    expect(Math.min(...sizes)).toBeGreaterThan(4500);
    expect(Math.max(...sizes)).toBeLessThan(9000);
  });

  it('gives every title once, so no page is deduplicated by the import', () => {
    const titles = pages.map((page) => page.text.split('\n')[1]);
    expect(new Set(titles).size).toBe(pages.length);
  });

  it('shares tools between pages with identical fields, a few tools being very common', () => {
    const byName = new Map<string, ToolSnapshot[]>();
    for (const page of pages) {
      const parsed = parseComparisonPage(page.text, page.fileName);
      if (!parsed.ok) continue;
      for (const tool of parsed.page.tools)
        byName.set(tool.name, [...(byName.get(tool.name) ?? []), tool]);
    }
    const counts = [...byName.values()].map((list) => list.length).sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(pages.length * 0.05);
    expect(byName.size).toBeGreaterThan(100);
    for (const list of byName.values()) for (const tool of list) expect(tool).toEqual(list[0]);
  });
});
