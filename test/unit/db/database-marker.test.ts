// The marker kept outside IndexedDB: a database created although the marker says one existed was lost.
import { describe, expect, it } from 'vitest';
import {
  DATABASE_MARKER_KEY,
  databaseWasLost,
  hadDatabase,
  markDatabase,
  type MarkerStorage,
} from '../../../src/db/database-marker.js';

function memoryStorage(
  entries: Record<string, string> = {},
): MarkerStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('database marker', () => {
  it('knows no database before one was marked, and one after', () => {
    const storage = memoryStorage();
    expect(hadDatabase(storage)).toBe(false);
    markDatabase(Date.parse('2026-11-30T10:00:00Z'), storage);
    expect(hadDatabase(storage)).toBe(true);
    expect(storage.map.get(DATABASE_MARKER_KEY)).toBe('2026-11-30T10:00:00.000Z');
  });

  it('keeps the first date when marked again', () => {
    const storage = memoryStorage();
    markDatabase(1000, storage);
    markDatabase(2000, storage);
    expect(storage.map.get(DATABASE_MARKER_KEY)).toBe(new Date(1000).toISOString());
  });

  it('counts the seeded flag of earlier versions as a database that existed', () => {
    expect(hadDatabase(memoryStorage({ 'quorum.seeded': '1' }))).toBe(true);
  });

  it('says nothing was there when storage is blocked or throws', () => {
    expect(hadDatabase(null)).toBe(false);
    const throwing: MarkerStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(hadDatabase(throwing)).toBe(false);
    expect(() => markDatabase(1, throwing)).not.toThrow();
  });

  it('calls a database lost only when it was created although one existed before', () => {
    expect(databaseWasLost(true, true)).toBe(true);
    expect(databaseWasLost(true, false)).toBe(false);
    expect(databaseWasLost(false, true)).toBe(false);
    expect(databaseWasLost(false, false)).toBe(false);
  });
});
