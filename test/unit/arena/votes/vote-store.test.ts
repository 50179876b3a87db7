// The votes store: de-duplicated adds, all-or-nothing imports, and an export that imports back unchanged.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/db/open-database.js';
import {
  addVotes,
  exportVotes,
  importVotesFile,
  readVotes,
} from '../../../../src/arena/votes/vote-store.js';
import { MAX_VOTES_FILE_BYTES } from '../../../../src/arena/votes/votes-file.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';

const vote = (i: number, extra: Partial<Vote> = {}): Vote => ({
  a: 'sim-tiny-360M',
  b: 'sim-swift-0.5B',
  winner: i % 2 ? 'a' : 'tie',
  source: 'human',
  at: new Date(Date.UTC(2026, 10, 27, 10, 0, i)).toISOString(),
  ...extra,
});

const open = () => openDatabase({ name: `votes-${crypto.randomUUID()}` });
const blob = (text: string) => new Blob([text], { type: 'application/json' });
const fileOf = (votes: unknown[]) =>
  blob(JSON.stringify({ format: 'quorum-votes', version: 1, votes }));

describe('votes store', () => {
  it('adds each vote once, however often it is added', async () => {
    const db = await open();
    expect(await addVotes(db, [vote(1), vote(2), vote(1)])).toEqual({ added: 2, duplicates: 1 });
    expect(await addVotes(db, [vote(2), vote(3)])).toEqual({ added: 1, duplicates: 1 });
    expect(await readVotes(db)).toHaveLength(3);
  });

  it('exports every vote in the contract shape, and importing the export changes nothing', async () => {
    const db = await open();
    const votes = [
      vote(1, { prompt: 'Say hi', lengthA: 5, lengthB: 9 }),
      vote(2, { source: 'judge' }),
    ];
    await addVotes(db, votes);
    const text = await exportVotes(db);
    expect(JSON.parse(text)).toEqual({ format: 'quorum-votes', version: 1, votes });
    expect(await importVotesFile(db, blob(text))).toEqual({ ok: true, added: 0, duplicates: 2 });
    const other = await open();
    expect(await importVotesFile(other, blob(text))).toEqual({ ok: true, added: 2, duplicates: 0 });
    expect(await exportVotes(other)).toBe(text);
  });

  it('stores nothing from a file with one malformed vote, and names it', async () => {
    const db = await open();
    const result = await importVotesFile(
      db,
      fileOf([vote(1), vote(2), { ...vote(3), winner: 'x' }]),
    );
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Vote 2: .*"winner"/) });
    expect(await readVotes(db)).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const db = await open();
    const huge = { size: MAX_VOTES_FILE_BYTES + 1, text: () => Promise.reject(new Error('read')) };
    const result = await importVotesFile(db, huge as unknown as Blob);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/at most 50 MB/) });
    expect(await readVotes(db)).toEqual([]);
  });

  it('stores " m1" as the vote on "m1" it is, so the leaderboard never shows two look-alike models', async () => {
    const db = await open();
    await addVotes(db, [vote(1, { a: 'm1' })]);
    expect(
      await importVotesFile(db, fileOf([vote(1, { a: ' m1' }), vote(2, { a: 'm1\u00a0' })])),
    ).toEqual({
      ok: true,
      added: 1,
      duplicates: 1,
    });
    expect(new Set((await readVotes(db)).map((v) => v.a))).toEqual(new Set(['m1']));
  });
});
