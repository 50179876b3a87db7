// Shared helpers for the catalog tests: the shipped seeds, the fixture pages, a fresh database.
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type QuorumDatabase } from '../../../src/db/open-database.js';
import type { ImportFile } from '../../../src/catalog/import/import-catalog.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const PUBLIC_DIR = `${root}public`;
export const SEED_DIR = `${root}public/seeds/`;
export const FIXTURE_DIR = `${root}test/fixtures/pages/`;

export const seedNames = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

export function seedText(name: string): string {
  return readFileSync(`${SEED_DIR}${name}`, 'utf8');
}

export function seedFile(name: string): ImportFile {
  return { name, bytes: new Uint8Array(readFileSync(`${SEED_DIR}${name}`)) };
}

export const seedFiles = (): ImportFile[] => seedNames.map(seedFile);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}`));
}

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
}

export function textAsFile(name: string, text: string): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

let counter = 0;
/** A database of its own per test, so tests never see each other's records. */
export function freshDatabase(): Promise<QuorumDatabase> {
  counter += 1;
  return openDatabase({ name: `quorum-test-${counter}-${Math.random().toString(36).slice(2)}` });
}

/** Every record of both catalog stores, for before/after comparisons. */
export async function dumpCatalog(db: QuorumDatabase): Promise<unknown> {
  return { comparisons: await db.getAll('comparisons'), tools: await db.getAll('tools') };
}

/** Seeded xorshift32: the generative tests are reproducible. */
export function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}
