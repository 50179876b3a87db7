// Parsing comparison pages: the shipped seeds, line endings, footers, names and quotes of the general format.
import { describe, expect, it } from 'vitest';
import { decodePageFile } from '../../../../src/catalog/parse/decode-page-file.js';
import { parseComparisonPage } from '../../../../src/catalog/parse/parse-comparison-page.js';
import type { ComparisonPage, ParseError } from '../../../../src/catalog/types.js';
import { fixtureBytes, fixtureText, seedNames, seedText } from '../support.js';

function parsed(text: string, fileName = 'page.txt'): ComparisonPage {
  const result = parseComparisonPage(text, fileName);
  if (!result.ok) throw new Error(`expected a page, got ${JSON.stringify(result.error)}`);
  return result.page;
}

function failure(text: string, fileName = 'page.txt'): ParseError {
  const result = parseComparisonPage(text, fileName);
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

const SEEDS: Record<string, { a: string; panelA: number; entryA: string }> = {
  '000_39035efba6c307d6.txt': { a: 'LiteRT-LM', panelA: 75, entryA: 'Paid' },
  '001_e27ee1ef336dcecd.txt': { a: 'Llama 4 Compact (12B)', panelA: 100, entryA: 'Free' },
  '002_67831609879b1e6c.txt': { a: 'Llama 4 Scout Quantized (Edge)', panelA: 100, entryA: 'Free' },
  '003_428497afedf47577.txt': { a: 'Gemini 2.5 Flash Lite', panelA: 100, entryA: 'Free' },
  '004_70e6d891c45414ee.txt': { a: 'Gemma Tuner Multimodal', panelA: 75, entryA: 'Free' },
};

describe('parseComparisonPage on the shipped seeds', () => {
  it('knows all five seeds', () => {
    expect(seedNames).toEqual(Object.keys(SEEDS));
  });

  for (const [name, expected] of Object.entries(SEEDS)) {
    it(`reads ${name}: both tools, their values and four scorecard rows`, () => {
      const page = parsed(seedText(name), name);
      const [a, b] = page.tools;
      expect(page.title).toBe(`${expected.a} vs OpenRouter Model Fusion`);
      expect(page.intro).toMatch(/^Which one should you ship with\?/);
      expect(a.name).toBe(expected.a);
      expect(a.panelShip).toBe(expected.panelA);
      expect(a.community).toBeNull();
      expect(a.entry).toBe(expected.entryA);
      expect(a.category).toBe('Developer Tools');
      expect(b).toMatchObject({
        slug: 'openrouter-model-fusion',
        name: 'OpenRouter Model Fusion',
        category: 'Developer Tools',
        tagline:
          'Run a prompt through multiple LLMs simultaneously and fuse the best answer into one',
        panelShip: 75,
        community: null,
        entry: 'Paid',
      });
      expect(b.description).toMatch(/^OpenRouter Model Fusion is an experimental feature/);
      expect(page.scorecard).toHaveLength(4);
      for (const row of page.scorecard) {
        expect(row.a).not.toMatch(/^[“”]|[“”]$/);
        expect(row.b.length).toBeGreaterThan(20);
      }
    });
  }

  it('pairs quotes by row: A first, then B', () => {
    const page = parsed(seedText('000_39035efba6c307d6.txt'));
    expect(page.scorecard[0]?.a).toMatch(/^This is the real deal for edge AI development\./);
    expect(page.scorecard[0]?.b).toMatch(/^Finally, proper multi-model consensus/);
    expect(page.scorecard[3]?.b).toMatch(/^For creative briefs/);
  });
});

describe('parseComparisonPage on the general format', () => {
  const seed = seedText('000_39035efba6c307d6.txt');

  it('reads \\r\\n line endings the same as \\n', () => {
    expect(parsed(seed.replace(/\n/g, '\r\n'))).toEqual(parsed(seed));
  });

  it('accepts a page without the newsletter footer', () => {
    const withoutFooter = seed.split('\n').slice(0, 32).join('\n');
    expect(parsed(withoutFooter)).toEqual(parsed(seed));
  });

  it('reads names with brackets, dots, & and digits, blank lines, straight quotes and one row', () => {
    const page = parsed(fixtureText('special-names.txt'));
    expect(page.title).toBe('GPT-4.1 (mini) vs R&D Bot 2.0');
    expect(page.tools.map((tool) => tool.name)).toEqual(['GPT-4.1 (mini)', 'R&D Bot 2.0']);
    expect(page.tools.map((tool) => tool.slug)).toEqual(['gpt-4-1-mini', 'r-and-d-bot-2-0']);
    expect(page.tools[0]).toMatchObject({ panelShip: 0, community: 62.5, entry: 'Freemium' });
    expect(page.tools[1]).toMatchObject({
      panelShip: 100,
      community: null,
      category: 'Research Tools',
    });
    expect(page.scorecard).toEqual([
      { a: 'Great for quick drafts. <b>bold</b> claims aside.', b: 'Straight quotes work too.' },
    ]);
  });

  it('keeps markup as literal text', () => {
    const page = parsed(fixtureText('special-names.txt'));
    expect(page.intro).toBe('Which one should you ship with? <img src=x onerror=alert(1)>');
    expect(page.tools[0].tagline).toBe(`Small, fast "mini" model <script>alert('x')</script>`);
  });

  it('splits the title at the " vs " that matches both tool names', () => {
    const text = fixtureText('special-names.txt')
      .replace('GPT-4.1 (mini) vs R&D', 'Rock vs Paper (v2) vs R&D')
      .replace('\nGPT-4.1 (mini)\n', '\nRock vs Paper (v2)\n');
    const page = parsed(text);
    expect(page.tools.map((tool) => tool.name)).toEqual(['Rock vs Paper (v2)', 'R&D Bot 2.0']);
  });

  it('accepts any even number of quotes and ignores footer lines after them', () => {
    const lines = seed.split('\n');
    const sixQuotes = [...lines.slice(0, 30), 'Footer line', 'Another footer'].join('\n');
    expect(parsed(sixQuotes).scorecard).toHaveLength(3);
  });

  it('reports the file line number even after blank lines', () => {
    const text = fixtureText('special-names.txt').replace('100%', '101%');
    expect(failure(text)).toMatchObject({
      line: 20,
      expected: expect.stringMatching(/0% to 100%/),
    });
  });
});

describe('parseComparisonPage on malformed pages', () => {
  const cases: { fixture: string; line: number; expected: RegExp }[] = [
    { fixture: 'missing-header.txt', line: 1, expected: /AI tool comparison/ },
    { fixture: 'missing-vs.txt', line: 2, expected: /vs/ },
    {
      fixture: 'name-mismatch.txt',
      line: 15,
      expected: /"OpenRouter Model Fusion" from the title/,
    },
    { fixture: 'percentage-150.txt', line: 7, expected: /0% to 100%/ },
    { fixture: 'missing-label.txt', line: 18, expected: /the label "Panel ship"/ },
    { fixture: 'truncated.txt', line: 16, expected: /Panel ship value/ },
    { fixture: 'odd-quotes.txt', line: 31, expected: /a quote about OpenRouter Model Fusion/ },
    { fixture: 'non-quote-in-scorecard.txt', line: 29, expected: /a quote in curly quotes/ },
  ];
  for (const { fixture, line, expected } of cases) {
    it(`rejects ${fixture} at line ${line}, naming the file and what was expected`, () => {
      const error = failure(fixtureText(fixture), fixture);
      expect(error.fileName).toBe(fixture);
      expect(error.line).toBe(line);
      expect(error.expected).toMatch(expected);
      expect(error.message.length).toBeGreaterThan(10);
    });
  }

  it('rejects a page whose scorecard has no quotes', () => {
    const text = seedText('000_39035efba6c307d6.txt').split('\n').slice(0, 24).join('\n');
    expect(failure(text)).toMatchObject({
      line: 24,
      expected: expect.stringMatching(/pair of quotes/),
    });
  });

  it('rejects a quote that is not closed', () => {
    const text = fixtureText('special-names.txt').replace('claims aside.”', 'claims aside.');
    expect(failure(text)).toMatchObject({ line: 29, expected: 'a quote closed with ”' });
  });

  it('rejects an empty text with line 1', () => {
    expect(failure('')).toMatchObject({ line: 1, fileName: 'page.txt' });
    expect(failure('\n\n  \n')).toMatchObject({ line: 1 });
  });
});

describe('decodePageFile', () => {
  it('rejects an empty file', () => {
    const result = decodePageFile(fixtureBytes('empty.txt'), 'empty.txt');
    expect(result).toMatchObject({ ok: false, error: { fileName: 'empty.txt', line: 1 } });
  });

  it('rejects bytes that are not UTF-8, naming the line of the first bad byte', () => {
    const result = decodePageFile(fixtureBytes('non-utf8.txt'), 'non-utf8.txt');
    expect(result).toMatchObject({
      ok: false,
      error: { fileName: 'non-utf8.txt', line: 6, expected: 'UTF-8 text' },
    });
  });

  it('rejects an oversized page but allows a large export', () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    expect(decodePageFile(big, 'big.txt').ok).toBe(false);
    expect(decodePageFile(big, 'big.json').ok).toBe(true);
  });

  it('strips a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('AI tool')]);
    expect(decodePageFile(bytes, 'bom.txt')).toEqual({ ok: true, text: 'AI tool' });
  });

  it('rejects an overlong encoding and a lone surrogate', () => {
    expect(decodePageFile(new Uint8Array([0x41, 0x0a, 0xc0, 0xaf]), 'x.txt')).toMatchObject({
      ok: false,
      error: { line: 2 },
    });
    expect(decodePageFile(new Uint8Array([0xed, 0xa0, 0x80]), 'x.txt').ok).toBe(false);
  });
});
