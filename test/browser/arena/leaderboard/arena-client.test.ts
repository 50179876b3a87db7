// The arena worker through the one worker bridge, in real Chromium: its board is the page's fit, newer requests win, a dead worker is reported.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ArenaClient,
  type BoardResult,
  type LeaderboardCallbacks,
} from '../../../../src/arena/leaderboard/arena-client.js';
import {
  computeLeaderboard,
  type LeaderboardRequest,
  type LengthControlled,
} from '../../../../src/arena/rating/leaderboard.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';
import { addVotes } from '../../../../src/arena/votes/vote-store.js';
import { openDatabase } from '../../../../src/db/open-database.js';
import { silentWorker } from '../../../support/silent-worker.js';

const REQUEST: LeaderboardRequest = {
  source: 'human',
  excludeBothBad: false,
  resamples: 200,
  seed: 3,
};

const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
});

/** 60 votes among three models, a ahead of b ahead of c, with lengths so length control can fit. */
function someVotes(): Vote[] {
  const out: Vote[] = [];
  const pairs: [string, string, number][] = [
    ['a', 'b', 0.7],
    ['b', 'c', 0.7],
    ['a', 'c', 0.85],
  ];
  let t = Date.UTC(2026, 10, 1);
  for (const [a, b, share] of pairs) {
    for (let i = 0; i < 20; i++) {
      out.push({
        a,
        b,
        winner: i < Math.round(share * 20) ? 'a' : i % 5 === 0 ? 'tie' : 'b',
        source: 'human',
        at: new Date((t += 1000)).toISOString(),
        lengthA: 200 + ((i * 37) % 300),
        lengthB: 200 + ((i * 53) % 300),
      });
    }
  }
  return out;
}

async function storedVotes(votes: readonly Vote[]): Promise<string> {
  const name = `arena-client-${Math.random().toString(36).slice(2)}`;
  const db = await openDatabase({ name });
  await addVotes(db, votes);
  db.close();
  return name;
}

function client(dbName: string, create?: (name: string) => Worker): ArenaClient {
  const made = new ArenaClient(dbName, create);
  closers.push(() => made.close());
  return made;
}

interface Heard {
  board: Promise<BoardResult>;
  lengthControl: Promise<LengthControlled | null>;
  error: Promise<string>;
  callbacks: LeaderboardCallbacks;
}

function listen(): Heard {
  const heard = {} as Heard;
  const settle: Partial<LeaderboardCallbacks> = {};
  heard.board = new Promise((resolve) => (settle.onBoard = resolve));
  heard.lengthControl = new Promise((resolve) => (settle.onLengthControl = resolve));
  heard.error = new Promise((resolve) => (settle.onError = resolve));
  heard.callbacks = settle as LeaderboardCallbacks;
  return heard;
}

describe('ArenaClient and the arena worker', () => {
  it("fits in the worker the page's own leaderboard of the stored votes, then the length-controlled one", async () => {
    const votes = someVotes();
    const arena = client(await storedVotes(votes));
    const heard = listen();
    arena.leaderboard(REQUEST, true, heard.callbacks);
    const { board, fitMs } = await heard.board;
    expect(board).toEqual(computeLeaderboard(votes, REQUEST));
    expect(board.standings.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(fitMs).toBeGreaterThanOrEqual(0);
    const controlled = await heard.lengthControl;
    expect(controlled?.standings.map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives only the newest request its answers: an older one asked before it is never answered', async () => {
    const votes = someVotes();
    const arena = client(await storedVotes(votes));
    let olderHeard = 0;
    arena.leaderboard(REQUEST, true, {
      onBoard: () => (olderHeard += 1),
      onLengthControl: () => (olderHeard += 1),
      onError: () => (olderHeard += 1),
    });
    const newer = listen();
    const judged = { ...REQUEST, excludeBothBad: true, seed: 9 };
    arena.leaderboard(judged, true, newer.callbacks);
    expect((await newer.board).board).toEqual(computeLeaderboard(votes, judged));
    await newer.lengthControl;
    expect(olderHeard).toBe(0);
  });

  it('reports a worker that ends without a word as a failure a visitor can act on, and the next request starts a new one', async () => {
    const dbName = await storedVotes(someVotes());
    let made = 0;
    const arena = client(dbName, (name) => {
      made += 1;
      return made === 1
        ? silentWorker(name, 'leaderboard')
        : new Worker(new URL('../../../../workers/arena.worker.ts', import.meta.url), {
            type: 'module',
            name,
          });
    });
    const dead = listen();
    arena.leaderboard(REQUEST, false, dead.callbacks);
    expect(await dead.error).toMatch(/leaderboard could not be computed.*Reload/i);
    const again = listen();
    arena.leaderboard(REQUEST, false, again.callbacks);
    expect((await again.board).board.standings).toHaveLength(3);
    expect(made).toBe(2);
  });
});
