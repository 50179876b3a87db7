// How a tool's panel, community and difference values are shown, including missing ones.
import { describe, expect, it } from 'vitest';
import {
  formatCommunity,
  formatFieldValue,
  formatPercent,
} from '../../../src/catalog/format-tool-fields.js';

describe('tool field formatting', () => {
  it('shows a percentage or a dash for a missing panel value', () => {
    expect(formatPercent(75)).toBe('75%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
  });
  it('explains a missing community value', () => {
    expect(formatCommunity(null)).toBe('— (no votes yet)');
    expect(formatCommunity(62)).toBe('62%');
  });
  it('formats difference values by field', () => {
    expect(formatFieldValue('panelShip', 80)).toBe('80%');
    expect(formatFieldValue('community', null)).toBe('— (no votes yet)');
    expect(formatFieldValue('entry', 'Free')).toBe('Free');
  });
});
