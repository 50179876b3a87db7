// Which tokens a comparison is found by, and in which field class each counts.
import { describe, expect, it } from 'vitest';
import { fieldTokens } from '../../../../src/catalog/search/field-tokens.js';
import type { ComparisonRecord } from '../../../../src/catalog/types.js';
import { seedFiles } from '../support.js';
import { readImportFiles } from '../../../../src/catalog/import/read-import-files.js';

const seed = readImportFiles(seedFiles().slice(0, 1), 1000).candidates[0] as ComparisonRecord;

describe('fieldTokens', () => {
  it('gives each token the best field it appears in: names, then taglines, then text', () => {
    const classes = fieldTokens(seed);
    // "LiteRT" names a tool and recurs in the text; "device" is in a tagline and the text.
    expect(classes.get('litert')).toBe(3);
    expect(classes.get('device')).toBe(2);
    expect(classes.get('raspberry')).toBe(1);
    expect(classes.has('zeppelin')).toBe(false);
  });
});
