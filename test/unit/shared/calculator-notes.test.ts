// GSM8K's calculator annotations: displays drop them and keep the result after them; code and comparisons are left alone.
import { describe, expect, it } from 'vitest';
import {
  hasCalculatorNotes,
  withoutCalculatorNotes,
} from '../../../src/shared/calculator-notes.js';

describe('withoutCalculatorNotes', () => {
  it('drops each annotation and keeps the result written after it', () => {
    expect(withoutCalculatorNotes('She makes 9 * 2 = $<<9*2=18>>18 every day.\nA: 18')).toBe(
      'She makes 9 * 2 = $18 every day.\nA: 18',
    );
    expect(withoutCalculatorNotes('48/2 = <<48/2=24>>24 and <<400-250=150 000>>150 000')).toBe(
      '48/2 = 24 and 150 000',
    );
    expect(withoutCalculatorNotes('= <<83.33333333333333>>83.33333333333333 ml')).toBe(
      '= 83.33333333333333 ml',
    );
  });

  it('leaves code and comparisons that only look alike', () => {
    for (const text of ['x << 2 >> 1', '(x<<24>>24)', 'std::cout << a == b >> c', 'a < b > c'])
      expect(withoutCalculatorNotes(text)).toBe(text);
  });

  it('holds back an annotation still arriving while text streams, and only then', () => {
    expect(withoutCalculatorNotes('so 48/2 = <<48/2=2', { streaming: true })).toBe('so 48/2 = ');
    expect(withoutCalculatorNotes('so 48/2 = <', { streaming: true })).toBe('so 48/2 = ');
    expect(withoutCalculatorNotes('so 48/2 = <<48/2=2')).toBe('so 48/2 = <<48/2=2');
    expect(withoutCalculatorNotes('x << 2', { streaming: true })).toBe('x << 2');
  });

  it('says whether a text holds any', () => {
    expect(hasCalculatorNotes('= $<<9*2=18>>18')).toBe(true);
    expect(hasCalculatorNotes('(x<<24>>24)')).toBe(false);
  });
});
