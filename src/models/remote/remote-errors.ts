// Pure: every way a remote server can fail, as a ClassifiedError that names the server and says what to do where it is read.
import { classified, type ClassifiedError } from '../../shared/errors.js';
import { clip } from './chat-chunk.js';

/** What a message needs to know about the call that failed. */
export interface EndpointContext {
  /** The visitor's name for the endpoint. */
  name: string;
  /** The OpenAI base URL, e.g. "http://localhost:11434/v1". */
  baseUrl: string;
  model: string;
  /** The page's origin, which the server's CORS settings must allow. */
  pageOrigin: string;
  /**
   * Where the message is read, so its advice points at the right control: 'run' (a run, chat,
   * battle or lab: the server is fixed in Settings; the default), 'settings' (Settings' list of
   * servers: fixed by editing it), 'form' (the server's own form: the fields above).
   */
  shownIn?: MessagePlace;
}

/** Where a failure's message is read (see EndpointContext.shownIn). */
export type MessagePlace = 'run' | 'settings' | 'form';

/** The advice for where the message is read (see EndpointContext.shownIn). */
function fixIn(ctx: EndpointContext, advice: Record<MessagePlace, string>): string {
  return advice[ctx.shownIn ?? 'run'];
}

/** Why a fetch failed before any HTTP status arrived (see probe-failure.ts for how it is told). */
export type FetchFailure = 'cors' | 'unreachable' | 'policy' | 'offline';

const named = (ctx: EndpointContext): string => `“${clip(ctx.name, 60)}”`;

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

/** How to let this page's origin through each server's CORS settings, one line per server. */
export function corsAdvice(pageOrigin: string): string {
  return [
    `Ollama: set OLLAMA_ORIGINS=${pageOrigin} and restart it.`,
    'LM Studio: turn on “Enable CORS” in the server settings (or run lms server start --cors).',
    `llama.cpp: start llama-server with --cors-origins ${pageOrigin} (older versions allow every origin).`,
    `vLLM: start vllm serve with --allowed-origins '["${pageOrigin}"]'.`,
  ].join(' ');
}

/** A fetch that failed without an HTTP answer. */
export function fetchFailure(
  ctx: EndpointContext,
  failure: FetchFailure,
  detail: string,
): ClassifiedError {
  const origin = originOf(ctx.baseUrl);
  switch (failure) {
    case 'cors':
      return classified(
        'cors',
        detail,
        `${named(ctx)} (${origin}) answered, but its CORS settings do not allow requests from ${ctx.pageOrigin}. Allow that origin and try again. ${corsAdvice(ctx.pageOrigin)}`,
      );
    case 'policy':
      return classified(
        'policy-blocked',
        detail,
        `Quorum’s security policy does not allow ${origin} yet, so the browser refused to connect to ${named(ctx)}. Reload Quorum: after a reload the policy includes every server you added.`,
      );
    case 'offline':
      return classified(
        'offline',
        detail,
        `You are offline, and ${named(ctx)} is reached over the network (${origin}). Servers on this machine or your local network keep working offline; this one needs a connection.`,
      );
    case 'unreachable':
      return classified(
        'unreachable',
        detail,
        `${named(ctx)} could not be reached at ${origin}. Check that the server is running and the address and port are right; a server on another machine must listen on the network, not only on 127.0.0.1.`,
      );
  }
}

/** The longest Retry-After a run waits for once; a longer one fails the call at once. */
export const MAX_RETRY_AFTER_S = 30;

/** Seconds from a Retry-After header (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

/** The error message an OpenAI-style JSON body carries ({error: {message}} or {error: "…"}), or the text itself. */
export function serverMessage(body: string): string {
  try {
    const value = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = value.error;
    if (typeof error === 'string') return clip(error);
    if (error && typeof error === 'object') {
      const message = (error as { message?: unknown }).message;
      if (typeof message === 'string') return clip(message);
    }
    if (typeof value.message === 'string') return clip(value.message);
    if (typeof value.detail === 'string') return clip(value.detail);
  } catch {
    // Not JSON: the text is the message.
  }
  return clip(body.replace(/\s+/g, ' ').trim());
}

/** An HTTP error answer: status, body, and for 429 the waits (seconds). */
export interface HttpFailure {
  status: number;
  body: string;
  /** For 429: the wait already honoured once, in seconds (null when the call has not waited). */
  waitedS?: number | null;
  /** For 429: the wait the server asked for, when it is longer than Quorum waits. */
  askedS?: number | null;
}

/** An HTTP answer that is not a stream: 401/403, 404, 429, 5xx, or another 4xx. */
export function httpFailure(ctx: EndpointContext, failure: HttpFailure): ClassifiedError {
  const { status } = failure;
  const said = serverMessage(failure.body);
  const detail = `HTTP ${status}${said ? `: ${said}` : ''}`;
  if (status === 401)
    return classified(
      'auth',
      detail,
      `${named(ctx)} refused the request (401): the API key is missing or wrong. ${fixIn(ctx, {
        run: 'Check the key saved for this server in Settings.',
        settings: 'Edit this server to check its key.',
        form: 'Check the API key above.',
      })}`,
    );
  if (status === 403)
    return classified(
      'auth',
      detail,
      `${named(ctx)} refused the request (403): this key may not use the server or this model. ${fixIn(
        ctx,
        {
          run: 'Check the key and its permissions in Settings.',
          settings: 'Edit this server to check its key, and check the key’s permissions.',
          form: 'Check the API key above and its permissions.',
        },
      )}`,
    );
  if (status === 404)
    return /model/i.test(said)
      ? classified(
          'model-missing',
          detail,
          `${named(ctx)} does not know the model “${clip(ctx.model, 80)}” (404). ${fixIn(ctx, {
            run: 'Refresh the server’s model list in Settings, or correct the model’s name.',
            settings: 'Edit this server to load its model list again, or correct the model’s name.',
            form: 'Load the server’s models again, or correct the model’s name.',
          })}`,
        )
      : classified(
          'bad-request',
          detail,
          `${named(ctx)} has no chat-completions API at ${clip(ctx.baseUrl, 120)} (404). Check the base URL: OpenAI-compatible servers usually serve it under /v1.`,
        );
  if (status === 429) {
    const why =
      failure.askedS != null
        ? `it asked Quorum to wait ${Math.round(failure.askedS)} s, longer than a run waits`
        : failure.waitedS != null
          ? `it still was after Quorum waited ${Math.round(failure.waitedS)} s as it asked`
          : 'it gave no time to wait';
    return classified(
      'rate-limited',
      detail,
      `${named(ctx)} is limiting how often it may be asked (429), and ${why}. Wait a minute and try again, or put fewer of its models in one pool.`,
    );
  }
  if (status >= 500)
    return classified(
      'server-error',
      detail,
      `${named(ctx)} failed while answering (${status}${said ? `: ${said}` : ''}). Try again later, or look at the server’s log.`,
    );
  return classified(
    'bad-request',
    detail,
    `${named(ctx)} refused the request (${status}${said ? `: ${said}` : ''}).`,
  );
}

/** An error object the server sent inside the stream. */
export function streamError(ctx: EndpointContext, message: string): ClassifiedError {
  return classified(
    'server-error',
    clip(message),
    `${named(ctx)} reported an error while answering: ${clip(message)}. Try again later, or look at the server’s log.`,
  );
}

/** The stream ended without `data: [DONE]`. */
export function streamCut(ctx: EndpointContext, chars: number): ClassifiedError {
  return classified(
    'stream-cut',
    `The connection closed after ${chars} characters, without [DONE].`,
    `${named(ctx)}’s answer stopped before the server said it was finished, so it may be incomplete. Try again; if it keeps happening, look at the server’s log.`,
  );
}

/** What was not an answer stream: an HTML page, a line that is not JSON, a line without end. */
export function malformedStream(
  ctx: EndpointContext,
  what: string,
  detail: string,
): ClassifiedError {
  return classified(
    'malformed-stream',
    clip(detail),
    `${named(ctx)} sent ${what}, not an OpenAI-compatible answer stream. Check that the base URL points at an OpenAI-compatible API (it usually ends in /v1).`,
  );
}

/** Nothing arrived for the inactivity limit. */
export function idleFailure(ctx: EndpointContext, idleMs: number): ClassifiedError {
  const seconds = Math.round(idleMs / 1000);
  return classified(
    'timeout',
    `No bytes for ${idleMs} ms`,
    `${named(ctx)} sent nothing for ${seconds} s, so Quorum stopped waiting and dropped it from this run. The server may be overloaded or stuck; try again, or check its log.`,
  );
}

/** A whole (not streamed) body past its size limit: the model list, or a JSON answer. */
export function responseTooLarge(
  ctx: EndpointContext,
  what: string,
  limitBytes: number,
): ClassifiedError {
  const mb = Math.round(limitBytes / (1024 * 1024));
  return classified(
    'malformed-stream',
    `Body larger than ${limitBytes} bytes`,
    `${named(ctx)} sent ${what} larger than ${mb} MB, so Quorum stopped reading it. No OpenAI-compatible server needs that much: check that the base URL points at one (it usually ends in /v1).`,
  );
}

/** A streamed event whose data lines never met the blank line that ends it, or a line without end. */
export function sseTooLong(
  ctx: EndpointContext,
  part: 'line' | 'event',
  chars: number,
  limit: number,
): ClassifiedError {
  return part === 'line'
    ? malformedStream(ctx, 'a line with no end', `${chars} characters without a line break`)
    : malformedStream(
        ctx,
        'an event that never ends',
        `An event gathered ${chars} characters of data lines (the limit is ${limit}) without the blank line that ends it`,
      );
}

/**
 * An answer that ran on far past the max tokens asked for (a server that ignores max_tokens, or a
 * model stuck repeating itself): reading stopped, and what arrived is kept.
 */
export function answerTooLong(
  ctx: EndpointContext,
  chars: number,
  limit: number,
  maxTokens: number | undefined,
): ClassifiedError {
  const asked =
    maxTokens === undefined
      ? 'no length limit was set'
      : `at most ${maxTokens} tokens were asked for`;
  return classified(
    'server-error',
    `Stopped after ${chars} characters (limit ${limit})`,
    `${named(ctx)} kept writing past ${limit} characters although ${asked}, so Quorum stopped reading, closed the request and kept what had arrived. The server may ignore max_tokens, or the model may be repeating itself: check the server’s settings.`,
  );
}
