// Bench page: 10,000 votes among 20 models in IndexedDB, then the arena worker's fit and 1,000 resamples, watching the main thread.
import { ArenaClient, type BoardResult } from '../../../src/arena/leaderboard/arena-client.js';
import type { Vote } from '../../../src/arena/rating/vote.js';
import { addVotes } from '../../../src/arena/votes/vote-store.js';
import { openDatabase } from '../../../src/db/open-database.js';
import { seededRandom } from '../../../src/shared/prng.js';

export interface ArenaBenchResult {
  /** The fit and its bootstrap, timed in the worker. */
  fitMs: number;
  /** The worker's whole time: judge-vote sync, reading the votes, fit. */
  workerMs: number;
  /** Request → board on the page. */
  wallMs: number;
  longTasks: number;
  votes: number;
  models: number;
}

declare global {
  interface Window {
    benchArenaSeed: (votes: number, models: number, seed: number) => Promise<string>;
    benchArenaFit: (dbName: string, resamples: number) => Promise<ArenaBenchResult>;
  }
}

/** Votes among `models` models of known strengths (Bradley–Terry), 10 % ties, 5 % both bad, with lengths. */
function syntheticVotes(count: number, models: number, seed: number): Vote[] {
  const random = seededRandom(seed);
  const strength = Array.from({ length: models }, (_, i) => (i - models / 2) * 0.15);
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, k) => {
    const a = Math.floor(random() * models);
    let b = Math.floor(random() * (models - 1));
    if (b >= a) b += 1;
    const u = random();
    const win = 1 / (1 + Math.exp(strength[b]! - strength[a]!));
    const winner = u < 0.05 ? 'both-bad' : u < 0.15 ? 'tie' : random() < win ? 'a' : 'b';
    return {
      a: `bench-model-${a}`,
      b: `bench-model-${b}`,
      winner,
      source: 'human',
      at: new Date(start + k * 1000).toISOString(),
      lengthA: 200 + Math.floor(random() * 1800),
      lengthB: 200 + Math.floor(random() * 1800),
    };
  });
}

window.benchArenaSeed = async (count, models, seed) => {
  const name = `quorum-bench-arena-${seed}-${count}`;
  const db = await openDatabase({ name });
  await db.clear('votes');
  await addVotes(db, syntheticVotes(count, models, seed));
  db.close();
  return name;
};

window.benchArenaFit = async (dbName, resamples) => {
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
  observer.observe({ type: 'longtask' });
  // A new worker per run, as when the visitor opens the leaderboard.
  const client = new ArenaClient(dbName);
  const started = performance.now();
  try {
    const result = await new Promise<BoardResult>((resolve, reject) =>
      client.leaderboard({ source: 'human', excludeBothBad: false, resamples, seed: 1 }, false, {
        onBoard: resolve,
        onError: (message) => reject(new Error(message)),
      }),
    );
    const wallMs = performance.now() - started;
    // Long tasks are reported after they end: let one frame pass before reading the count.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return {
      fitMs: result.fitMs,
      workerMs: result.ms,
      wallMs,
      longTasks,
      votes: result.board.votes,
      models: result.board.standings.length,
    };
  } finally {
    observer.disconnect();
    client.close();
  }
};
