// Tool slugs: lower case, dashes, diacritics and symbols handled, never empty, ASCII names fast.
import { describe, expect, it } from 'vitest';
import { slugify } from '../../../../src/catalog/parse/slugify.js';

describe('slugify', () => {
  it('lowercases and joins words with dashes', () => {
    expect(slugify('OpenRouter Model Fusion')).toBe('openrouter-model-fusion');
    expect(slugify('LiteRT-LM vs OpenRouter Model Fusion')).toBe(
      'litert-lm-vs-openrouter-model-fusion',
    );
  });

  it('spells & as "and", drops brackets and dots, keeps digits', () => {
    expect(slugify('R&D Bot 2.0')).toBe('r-and-d-bot-2-0');
    expect(slugify('  Llama 4 Compact (12B)  ')).toBe('llama-4-compact-12b');
  });

  it('strips diacritics', () => {
    expect(slugify('Gémini Flâsh Ünïcödé')).toBe('gemini-flash-unicode');
  });

  it('never returns an empty slug, and keeps different non-Latin names apart', () => {
    const a = slugify('通义千问');
    const b = slugify('文心一言');
    expect(a).toMatch(/^tool-[0-9a-z]+$/);
    expect(a).not.toBe(b);
    expect(slugify('通义千问')).toBe(a);
    expect(slugify('!!!')).toMatch(/^tool-/);
    expect(slugify('Qwen 通义')).not.toBe(slugify('Qwen 文心'));
  });

  it('gives plain ASCII names the same slug with or without Unicode folding', () => {
    // The full folding path, as slugify applies it to any name that is not printable ASCII.
    const folded = (name: string) => {
      const text = name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/&/g, ' and ');
      return text.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const name = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        String.fromCharCode(0x20 + Math.floor(random() * 95)),
      ).join('');
      const expected = folded(name);
      expect(slugify(name)).toBe(expected.length > 0 ? expected : slugify(`${name}\t`));
    }
    expect(slugify('!!!')).toMatch(/^tool-[0-9a-z]+$/);
  });
});
