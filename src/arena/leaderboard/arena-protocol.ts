// The arena worker's methods, served through the one worker bridge (shared/worker-port.ts, workers/serve.ts).
import type { LengthControlled, Leaderboard, LeaderboardRequest } from '../rating/leaderboard.js';

/** Version 2: the arena worker speaks the shared port protocol (version 1 had its own messages). */
export const ARENA_PROTOCOL_VERSION = 2;

/** Sent with the hello: the database the worker reads the votes from. */
export interface ArenaInit {
  dbName: string;
}

/** The plain leaderboard, sent as an event as soon as it is fitted. */
export interface BoardReady {
  board: Leaderboard;
  /** The worker's whole time: sync judge votes, read the votes, fit and bootstrap (ms). */
  ms: number;
  /** The fit and its bootstrap alone (ms). */
  fitMs: number;
  /** Judge votes added from best-of runs finished since the last look. */
  judgeVotesAdded: number;
}

/** The length-controlled variant (null when it cannot be fitted), and its time in ms. */
export interface LengthControlReady {
  lengthControl: LengthControlled | null;
  ms: number;
}

/** The arena worker's methods, served by workers/arena.worker.ts. */
export type ArenaApi = {
  /**
   * Fits the leaderboard of the stored votes: the plain board is streamed as the call's event, the
   * result is the length-controlled variant when asked for (`lengthControl`), otherwise null.
   */
  leaderboard: {
    input: { request: LeaderboardRequest; lengthControl: boolean };
    event: BoardReady;
    result: LengthControlReady | null;
  };
};
