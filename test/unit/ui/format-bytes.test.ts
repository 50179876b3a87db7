// Byte counts for people: units of 1024, one decimal below 100, unknown for impossible values.
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/ui/format-bytes.js';

describe('formatBytes', () => {
  it('shows small counts as whole bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });
  it('switches unit at 1024 and keeps one decimal below 100', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
  });
  it('drops decimals from 100 upwards', () => {
    expect(formatBytes(250 * 1024 ** 3)).toBe('250 GB');
  });
  it('says unknown for impossible values rather than printing NaN', () => {
    expect(formatBytes(Number.NaN)).toBe('unknown');
    expect(formatBytes(-1)).toBe('unknown');
  });
});
