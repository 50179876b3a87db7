// Seeded randomness for the simulated engine: same seed, same numbers, on every machine.
import { seededRandom } from '../../src/shared/prng.js';

/** A source of floats in [0, 1). */
export type Random = () => number;

/** mulberry32, the same generator the fusion core shuffles with. */
export const mulberry32: (seed: number) => Random = seededRandom;

/** FNV-1a over UTF-16 code units, then a final mix so close strings land far apart. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** Picks one element; the list must not be empty. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
