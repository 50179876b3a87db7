// The studio prompt a comparison page offers: both tools, their claims, and the link that carries it.
import { describe, expect, it } from 'vitest';
import type { ToolSnapshot } from '../../../src/catalog/types.js';
import { comparisonPrompt, studioUrlFor } from '../../../src/catalog/comparison-prompt.js';

const tool = (name: string, category = 'Code review'): ToolSnapshot => ({
  slug: name.toLowerCase(),
  name,
  category,
  tagline: '',
  panelShip: null,
  community: null,
  entry: '',
  description: '',
});

describe('comparisonPrompt', () => {
  it('names both tools and the shared category and asks which to ship with', () => {
    const prompt = comparisonPrompt({ tools: [tool('Alpha'), tool('Beta')], scorecard: [] });
    expect(prompt).toContain('Compare Alpha and Beta for code review.');
    expect(prompt).toContain('Which should a developer ship with and why?');
    expect(prompt).not.toContain('Claims');
  });

  it('leaves the category out when the tools belong to different ones', () => {
    const prompt = comparisonPrompt({
      tools: [tool('Alpha', 'Editors'), tool('Beta', 'Agents')],
      scorecard: [],
    });
    expect(prompt.split('\n')[0]).toBe(
      'Compare Alpha and Beta. Which should a developer ship with and why?',
    );
  });

  it('quotes at most three claims per tool, skipping empty quotes, each attributed', () => {
    const scorecard = [
      { a: 'fast', b: '' },
      { a: 'cheap', b: 'accurate' },
      { a: 'stable', b: 'private' },
      { a: 'fourth', b: 'offline' },
      { a: 'fifth', b: 'extra' },
    ];
    const prompt = comparisonPrompt({ tools: [tool('Alpha'), tool('Beta')], scorecard });
    expect(prompt).toContain('- Alpha: "fast"');
    expect(prompt).toContain('- Alpha: "stable"');
    expect(prompt).not.toContain('fourth');
    expect(prompt).toContain('- Beta: "accurate"');
    expect(prompt).toContain('- Beta: "offline"');
    expect(prompt).not.toContain('extra');
    expect(prompt).not.toContain('Beta: ""');
  });

  it('clips long claims and flattens their whitespace', () => {
    const long = `${'word '.repeat(100)}\n\nend`;
    const prompt = comparisonPrompt({
      tools: [tool('Alpha'), tool('Beta')],
      scorecard: [{ a: long, b: 'short' }],
    });
    const line = prompt.split('\n').find((l) => l.startsWith('- Alpha'));
    expect(line).toBeDefined();
    expect(line!.length).toBeLessThan(260);
    expect(line).toContain('…');
    expect(line).not.toContain('  ');
  });
});

describe('studioUrlFor', () => {
  it('links to the studio with the prompt encoded so it round-trips', () => {
    const page = {
      tools: [tool('A & B'), tool('C?')] as [ToolSnapshot, ToolSnapshot],
      scorecard: [],
    };
    const url = studioUrlFor(page);
    expect(url.startsWith('/studio?prompt=')).toBe(true);
    expect(new URL(url, 'http://x').searchParams.get('prompt')).toBe(comparisonPrompt(page));
  });
});
