// Asks the arena worker for a leaderboard, through the one worker bridge: the plain board first, then the length-controlled variant.
import { errorText } from '../../shared/errors.js';
import { WorkerPort } from '../../shared/worker-port.js';
import type { LengthControlled, LeaderboardRequest } from '../rating/leaderboard.js';
import {
  ARENA_PROTOCOL_VERSION,
  type ArenaApi,
  type ArenaInit,
  type BoardReady,
} from './arena-protocol.js';

/** The plain leaderboard, as the worker sends it. */
export type BoardResult = BoardReady;

/**
 * Where a leaderboard request reports: the plain board, then the length-controlled variant (with its time in
 * ms), or an error.
 */
export interface LeaderboardCallbacks {
  onBoard(result: BoardResult): void;
  onLengthControl?(lengthControl: LengthControlled | null, ms: number): void;
  /** A sentence a visitor can act on (the failure's advice and its cause). */
  onError(message: string): void;
}

/** `name` is the worker's life lock (see alive-lock.ts). */
function defaultWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/arena.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/**
 * The leaderboard's client. The worker is started for each request and ended once it is answered
 * (its memory is freed); a newer request aborts the older one, whose answers are then never given.
 */
export class ArenaClient {
  private readonly port: WorkerPort<ArenaApi, never, ArenaInit>;
  private current: AbortController | null = null;

  constructor(dbName: string, createWorker: (name: string) => Worker = defaultWorker) {
    this.port = new WorkerPort({
      name: 'arena',
      create: createWorker,
      version: ARENA_PROTOCOL_VERSION,
      init: { dbName },
      crashAdvice: 'The leaderboard could not be computed. Reload the page to try again.',
      whenNeeded: true,
    });
  }

  /** Asks for a leaderboard; a newer request (or close) makes the older one's answers be ignored. */
  leaderboard(
    request: LeaderboardRequest,
    lengthControl: boolean,
    callbacks: LeaderboardCallbacks,
  ): void {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const live = () => !controller.signal.aborted;
    this.port
      .call(
        'leaderboard',
        { request, lengthControl },
        { signal: controller.signal, onEvent: (board) => live() && callbacks.onBoard(board) },
      )
      .then((controlled) => {
        if (live() && controlled)
          callbacks.onLengthControl?.(controlled.lengthControl, controlled.ms);
      })
      .catch((error: unknown) => {
        if (!live()) return;
        const { message, detail } = error as { message?: string; detail?: string };
        callbacks.onError(detail ? `${message ?? ''} (${detail})` : (message ?? errorText(error)));
      })
      .finally(() => {
        if (this.current === controller) this.current = null;
      });
  }

  close(): void {
    this.current?.abort();
    this.current = null;
    this.port.close();
  }
}
