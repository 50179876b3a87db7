// The arena worker: reads the votes from IndexedDB, fits the leaderboard and its bootstrap, off the page's main thread.
import {
  ARENA_PROTOCOL_VERSION,
  type ArenaApi,
  type ArenaInit,
} from '../src/arena/leaderboard/arena-protocol.js';
import { computeLeaderboard, computeLengthControlled } from '../src/arena/rating/leaderboard.js';
import { syncJudgeVotes } from '../src/arena/votes/judge-votes.js';
import { readVotes } from '../src/arena/votes/vote-store.js';
import { openDatabase, type QuorumDatabase } from '../src/db/open-database.js';
import { serve } from './serve.js';

let database: Promise<QuorumDatabase> | null = null;

serve<ArenaApi, never, ArenaInit>({
  name: 'arena',
  version: ARENA_PROTOCOL_VERSION,
  start: ({ dbName }) => {
    database = openDatabase({ name: dbName, mustExist: true });
  },
  methods: {
    leaderboard: async ({ request, lengthControl }, call) => {
      const started = performance.now();
      const db = await (database ?? Promise.reject(new Error('the arena worker has no database')));
      // Best-of runs finished since the last look add their verdicts as judge votes first.
      const { added } = await syncJudgeVotes(db);
      const votes = await readVotes(db);
      const fitStarted = performance.now();
      const board = computeLeaderboard(votes, request);
      const finished = performance.now();
      call.emit({
        board,
        ms: finished - started,
        fitMs: finished - fitStarted,
        judgeVotesAdded: added,
      });
      if (!lengthControl || call.signal.aborted) return null;
      const lcStarted = performance.now();
      const controlled = computeLengthControlled(votes, board, request);
      return { lengthControl: controlled, ms: performance.now() - lcStarted };
    },
  },
});
