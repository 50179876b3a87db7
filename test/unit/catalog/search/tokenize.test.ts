import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/catalog/search/tokenize.js';

describe('tokenize', () => {
  it('lowercases and splits on everything that is not a letter or digit', () => {
    expect(tokenize('Gemini 2.5 Flash-Lite (R&D)')).toEqual([
      'gemini',
      '2',
      '5',
      'flash',
      'lite',
      'r',
      'd',
    ]);
  });

  it('removes diacritics, inside and at the end of words', () => {
    expect(tokenize('Gémini Ünïcödé café')).toEqual(['gemini', 'unicode', 'cafe']);
  });

  it('keeps non-Latin letters and splits on curly quotes and dashes', () => {
    expect(tokenize('“通义千问” — naïve’s')).toEqual(['通义千问', 'naive', 's']);
  });

  it('keeps letters outside the Basic Multilingual Plane', () => {
    expect(tokenize('𝒜lpha 𠀀x')).toEqual(['alpha', '𠀀x']);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(tokenize(' — !? ')).toEqual([]);
  });
});
