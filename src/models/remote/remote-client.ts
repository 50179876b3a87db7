// A model on an OpenAI-compatible server as a ModelClient: streamed over server-sent events from the page's fetch, stopped by aborting it.
import {
  ModelError,
  type GenerateParams,
  type GenerationEvent,
  type ModelClient,
} from '../model-client.js';
import type { ManagedModelClient } from '../registry-model-client.js';
import { classified } from '../../shared/errors.js';
import { readChatChunk, type ChunkUsage } from './chat-chunk.js';
import { answerCharLimit, type JsonSupport, type OptionalField } from './chat-request.js';
import { paramsFromName, remoteModelId, type EndpointRecord } from './endpoint-record.js';
import { openChatStream } from './open-chat-stream.js';
import {
  answerTooLong,
  idleFailure,
  malformedStream,
  responseTooLarge,
  sseTooLong,
  streamCut,
  streamError,
  type EndpointContext,
  type MessagePlace,
} from './remote-errors.js';
import { measuredUsage, StreamTimer } from './stream-usage.js';
import { SseReader, SseTooLong } from './sse-lines.js';
import { BodyTooLarge, MAX_JSON_BODY_BYTES, readBodyText } from './read-body.js';
import { IdleWatchdog } from './idle-watchdog.js';

/** Options of remote clients (tests inject fetch and shorten the silence limit). */
export interface RemoteClientOptions {
  /** Longest silence before the call fails as a timeout (the fusion inactivity limit), in ms. */
  idleMs?: number;
  fetch?: typeof fetch;
  /** The page's origin, named in CORS advice (default: location.origin). */
  pageOrigin?: string;
  /** Where its failures are read (see EndpointContext.shownIn; default 'run'). */
  shownIn?: MessagePlace;
}

/** The same limit a model worker has for silence (model-worker-client.ts). */
export const REMOTE_IDLE_MS = 120_000;

/**
 * A model on an OpenAI-compatible server as a ModelClient: chat completions streamed over server-sent events,
 * stopped by aborting the fetch, failing with a ClassifiedError that names the endpoint. Optional fields a
 * server refuses are dropped and the request retried.
 */
export class RemoteModelClient implements ManagedModelClient {
  readonly id: string;
  readonly label: string;
  readonly simulated = false;
  readonly paramsB: number | null;
  readonly supportsJson = true;
  readonly source: NonNullable<ModelClient['source']>;
  readonly loaded = true;
  /** Optional fields this server refused, left out of later requests. */
  private readonly without = new Set<OptionalField>();
  private json: JsonSupport = 'schema';

  readonly modelId: string;

  /** `endpoint` null: it was removed (or is not read yet), and every call fails saying so. */
  constructor(
    private readonly endpoint: EndpointRecord | null,
    member: { endpointId: string; model: string },
    private readonly options: RemoteClientOptions = {},
  ) {
    this.modelId = member.model;
    this.id = remoteModelId(member.endpointId, member.model);
    const name = endpoint?.name ?? 'a removed server';
    this.label = `${member.model} · ${name}`;
    this.paramsB = paramsFromName(member.model);
    this.source = { kind: 'endpoint', name };
  }

  /** Nothing to load: the server holds the model. */
  load(): Promise<void> {
    return Promise.resolve();
  }

  unload(): Promise<void> {
    return Promise.resolve();
  }

  async *stream(params: GenerateParams, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    const endpoint = this.endpoint;
    if (!endpoint)
      throw new ModelError(
        classified(
          'unavailable',
          this.id,
          `The server of ${this.modelId} was removed, so it cannot answer. Add the server again in Settings, or pick another model.`,
        ),
      );
    const ctx = this.context(endpoint);
    const timer = new StreamTimer();
    // Silence counts from the request on: a server that never answers fails like one that stalls.
    const watchdog = new IdleWatchdog(this.options.idleMs ?? REMOTE_IDLE_MS, stop);
    watchdog.arm();
    try {
      const response = await openChatStream({
        ctx,
        apiKey: endpoint.apiKey,
        params,
        json: this.without.has('response_format') ? 'none' : this.json,
        without: this.without,
        signal: controller.signal,
        onRetryWait: (waiting) => (waiting ? watchdog.stop() : watchdog.arm()),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
      yield* this.read(response, ctx, params, timer, watchdog);
    } catch (error) {
      if (watchdog.fired) throw new ModelError(idleFailure(ctx, watchdog.idleMs));
      if (controller.signal.aborted) throw new ModelError(classified('aborted', 'Stopped'));
      throw error;
    } finally {
      watchdog.stop();
      signal?.removeEventListener('abort', stop);
      // Closes the connection whichever way the stream ended (the server sees it closed).
      controller.abort();
    }
  }

  private async *read(
    response: Response,
    ctx: EndpointContext,
    params: GenerateParams,
    timer: StreamTimer,
    watchdog: IdleWatchdog,
  ): AsyncGenerator<GenerationEvent> {
    if (!response.body) throw new ModelError(malformedStream(ctx, 'an empty answer', 'No body'));
    if ((response.headers.get('Content-Type') ?? '').includes('application/json')) {
      yield* this.whole(await wholeBody(response, ctx), ctx, params, timer);
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const sse = new SseReader();
    let text = '';
    let chunks = 0;
    let usage: ChunkUsage | null = null;
    let finishReason: 'stop' | 'length' = 'stop';
    let thinking = false;
    // A server that ignores max_tokens would otherwise stream until the visitor stops it.
    const limit = answerCharLimit(params.maxTokens);
    for (;;) {
      let step: ReadableStreamReadResult<string>;
      try {
        step = await reader.read();
      } catch (error) {
        // A connection reset mid-answer is a cut stream; a stop or the watchdog's abort are told
        // apart by stream(), which checks them first.
        throw new ModelError({ ...streamCut(ctx, text.length), detail: String(error) });
      }
      watchdog.arm();
      let events: string[];
      try {
        events = step.done ? sse.end() : sse.feed(step.value);
      } catch (error) {
        if (!(error instanceof SseTooLong)) throw error;
        throw new ModelError(sseTooLong(ctx, error.part, error.chars, error.limit));
      }
      let delta = '';
      for (const data of events) {
        const chunk = readChatChunk(data);
        if (chunk.kind === 'done') {
          if (thinking) delta += '</think>';
          if (delta) {
            timer.firstToken();
            yield { type: 'delta', text: delta };
          }
          yield done(usage, chunks, finishReason, params, timer);
          return;
        }
        if (chunk.kind === 'error') throw new ModelError(streamError(ctx, chunk.message));
        if (chunk.kind === 'malformed')
          throw new ModelError(
            malformedStream(ctx, 'a line that is not a JSON chunk', chunk.detail),
          );
        usage = chunk.usage ?? usage;
        if (chunk.finishReason === 'length') finishReason = 'length';
        // Reasoning sent apart is put back in <think> tags, as splitModelText expects.
        if (chunk.reasoning) {
          delta += (thinking ? '' : '<think>') + chunk.reasoning;
          thinking = true;
        }
        if (chunk.text) {
          if (thinking) delta += '</think>';
          thinking = false;
          delta += chunk.text;
          chunks += 1;
        }
      }
      if (delta) {
        timer.firstToken();
        text += delta;
        yield { type: 'delta', text: delta };
      }
      // What arrived stays with the caller; stream() closes the request on the way out.
      if (text.length > limit)
        throw new ModelError(answerTooLong(ctx, text.length, limit, params.maxTokens));
      if (step.done) throw new ModelError(streamCut(ctx, text.length));
    }
  }

  /** A server that ignored `stream: true` sent the whole completion as JSON. */
  private async *whole(
    body: string,
    ctx: EndpointContext,
    params: GenerateParams,
    timer: StreamTimer,
  ): AsyncGenerator<GenerationEvent> {
    let text: unknown;
    let usage: ChunkUsage | null = null;
    try {
      const value = JSON.parse(body) as {
        choices?: { message?: { content?: unknown } }[];
        usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
      };
      text = value.choices?.[0]?.message?.content;
      const { prompt_tokens: p, completion_tokens: c } = value.usage ?? {};
      if (typeof p === 'number' && typeof c === 'number')
        usage = { promptTokens: p, completionTokens: c };
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string')
      throw new ModelError(malformedStream(ctx, 'JSON that is not a chat completion', body));
    timer.firstToken();
    if (text) yield { type: 'delta', text };
    yield done(usage, text ? 1 : 0, 'stop', params, timer);
  }

  private context(endpoint: EndpointRecord): EndpointContext {
    return {
      name: endpoint.name,
      baseUrl: endpoint.baseUrl,
      model: this.modelId,
      pageOrigin: this.options.pageOrigin ?? globalThis.location?.origin ?? '',
      ...(this.options.shownIn ? { shownIn: this.options.shownIn } : {}),
    };
  }
}

/** A whole JSON answer, read up to MAX_JSON_BODY_BYTES. */
async function wholeBody(response: Response, ctx: EndpointContext): Promise<string> {
  try {
    return await readBodyText(response, MAX_JSON_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      throw new ModelError(responseTooLarge(ctx, 'a JSON answer', error.limitBytes));
    throw error;
  }
}

function done(
  usage: ChunkUsage | null,
  chunks: number,
  finishReason: 'stop' | 'length',
  params: GenerateParams,
  timer: StreamTimer,
): GenerationEvent {
  return {
    type: 'done',
    usage: measuredUsage(usage, chunks, params, timer.finish()),
    finishReason,
  };
}
