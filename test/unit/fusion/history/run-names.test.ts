// A simulated model is named as simulated once: "Simulated Tiny 360M", never "Simulated Tiny 360M (Simulated)".
import { describe, expect, it } from 'vitest';
import { markSimulated } from '../../../../src/fusion/history/run-names.js';

describe('markSimulated', () => {
  it('adds "(Simulated)" only to a label that does not already say so', () => {
    expect(markSimulated('Qwen 0.5B')).toBe('Qwen 0.5B (Simulated)');
    expect(markSimulated('Simulated Tiny 360M')).toBe('Simulated Tiny 360M');
    expect(markSimulated('A simulated helper')).toBe('A simulated helper');
  });
});
