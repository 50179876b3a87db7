import { describe, expect, it } from 'vitest';
import { slugify } from '../../../src/catalog/slugify.js';

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
});
