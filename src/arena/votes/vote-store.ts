// The `votes` store: add votes without duplicates in one transaction, read them, import and export files.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { Vote } from '../rating/vote.js';
import { toVoteRecord } from './vote-id.js';
import type { VoteRecord } from './vote-record.js';
import { errorText } from '../../shared/errors.js';
import { MAX_VOTES_FILE_BYTES, parseVotesFile, toVotesFile } from './votes-file.js';

/** How many votes an add stored, and how many it skipped as duplicates. */
export interface AddedVotes {
  added: number;
  /** Votes that were already stored (or repeated within what was added). */
  duplicates: number;
}

/** Every stored vote, oldest first (ids start with the vote's time). */
export function readVotes(db: QuorumDatabase): Promise<VoteRecord[]> {
  return db.getAll('votes');
}

/** Stores the votes not stored yet, all in one transaction: all of them or, on failure, none. */
export async function addVotes(db: QuorumDatabase, votes: readonly Vote[]): Promise<AddedVotes> {
  const tx = db.transaction('votes', 'readwrite');
  const seen = new Set(await tx.store.getAllKeys());
  const writes: Promise<unknown>[] = [];
  for (const vote of votes) {
    const record = toVoteRecord(vote);
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    writes.push(tx.store.put(record));
  }
  await Promise.all([...writes, tx.done]);
  return { added: writes.length, duplicates: votes.length - writes.length };
}

/** What an import stored, or why the file was refused (nothing stored then). */
export type VotesImport =
  { ok: true; added: number; duplicates: number } | { ok: false; message: string };

/**
 * Imports a `quorum-votes` file: refused whole (nothing stored) when it is too large, unreadable or
 * has any malformed vote, which the message names by index.
 */
export async function importVotesFile(db: QuorumDatabase, file: Blob): Promise<VotesImport> {
  if (file.size > MAX_VOTES_FILE_BYTES) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    return {
      ok: false,
      message: `The file is ${mb(file.size)}; a votes file may be at most ${mb(MAX_VOTES_FILE_BYTES)}. Nothing was imported.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      message: `The file could not be read (${errorText(error)}). Nothing was imported.`,
    };
  }
  const parsed = parseVotesFile(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, ...(await addVotes(db, parsed.votes)) };
  } catch (error) {
    return {
      ok: false,
      message: `The votes could not be stored (${errorText(error)}). Nothing was imported.`,
    };
  }
}

/** Every stored vote as a `quorum-votes` file (JSON text), oldest first. */
export async function exportVotes(db: QuorumDatabase): Promise<string> {
  return JSON.stringify(toVotesFile(await readVotes(db)), null, 2);
}

/** The `votes` store on the app's one connection, as the shell provides it to the arena's views. */
export class VoteStore {
  constructor(private readonly db: QuorumDatabase) {}

  /** The database's name, for the arena worker, which opens its own connection. */
  get dbName(): string {
    return this.db.name;
  }

  all(): Promise<VoteRecord[]> {
    return readVotes(this.db);
  }

  add(votes: readonly Vote[]): Promise<AddedVotes> {
    return addVotes(this.db, votes);
  }

  importFile(file: Blob): Promise<VotesImport> {
    return importVotesFile(this.db, file);
  }

  exportText(): Promise<string> {
    return exportVotes(this.db);
  }
}
