// Usage figures of a remote answer: the server's counts where it sent them, the page's own measurements otherwise.
import type { GenerateParams, Usage } from '../model-client.js';
import type { ChunkUsage } from './chat-chunk.js';

/** Times one call on the page's clock: start, first token, end. */
export class StreamTimer {
  private readonly startedAt: number;
  private firstAt: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
  }

  firstToken(): void {
    this.firstAt ??= this.now();
  }

  /** Milliseconds to the first token (the whole call when none came) and in total. */
  finish(): { ttftMs: number; totalMs: number } {
    const end = this.now();
    return { ttftMs: (this.firstAt ?? end) - this.startedAt, totalMs: end - this.startedAt };
  }
}

/** Characters per token for an estimate of prompt tokens when the server counts none (English text). */
const CHARS_PER_TOKEN = 4;

/**
 * Usage of one answer. With the server's usage chunk, its counts; without, completion tokens are
 * the content chunks received (servers stream about one token per chunk) and prompt tokens an
 * estimate from the prompt's length, and `estimated` says so. Speeds come from the page's clock.
 */
export function measuredUsage(
  server: ChunkUsage | null,
  chunks: number,
  params: GenerateParams,
  timing: { ttftMs: number; totalMs: number },
): Usage {
  const promptChars = params.messages.reduce((sum, message) => sum + message.content.length, 0);
  const promptTokens = server?.promptTokens ?? Math.ceil(promptChars / CHARS_PER_TOKEN);
  const completionTokens = server?.completionTokens ?? chunks;
  const decodeMs = timing.totalMs - timing.ttftMs;
  return {
    promptTokens,
    completionTokens,
    timeToFirstTokenMs: timing.ttftMs,
    prefillTokensPerS: timing.ttftMs > 0 ? promptTokens / (timing.ttftMs / 1000) : 0,
    decodeTokensPerS: decodeMs > 0 ? completionTokens / (decodeMs / 1000) : 0,
    totalMs: timing.totalMs,
    ...(server ? {} : { estimated: true }),
  };
}
