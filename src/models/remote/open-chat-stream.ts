// Sends a streamed chat-completions request and returns the open response, or throws a ModelError that says what failed.
import { ModelError, type GenerateParams } from '../model-client.js';
import { classified } from '../../shared/errors.js';
import {
  chatRequestBody,
  refusedField,
  type JsonSupport,
  type OptionalField,
} from './chat-request.js';
import { diagnoseFetchFailure } from './diagnose-fetch.js';
import { MAX_ERROR_BODY_BYTES, readBodyText } from './read-body.js';
import {
  MAX_RETRY_AFTER_S,
  httpFailure,
  malformedStream,
  retryAfterSeconds,
  type EndpointContext,
} from './remote-errors.js';

/** One streamed chat request to an endpoint. */
export interface OpenRequest {
  ctx: EndpointContext;
  apiKey: string | null;
  params: GenerateParams;
  json: JsonSupport;
  /** Fields this server refused before (the set is updated when it refuses another). */
  without: Set<OptionalField>;
  signal: AbortSignal;
  fetch?: typeof fetch;
  /** Told when Quorum starts (true) and ends (false) a Retry-After wait: it is not the server's silence. */
  onRetryWait?: (waiting: boolean) => void;
}

/** Refused optional fields are dropped one at a time: at most this many resends. */
const MAX_FIELD_RETRIES = 3;

/**
 * POSTs to `<base>/chat/completions` and resolves with a response whose body is the event stream
 * (or a whole JSON completion, from servers that ignore `stream`). A 429 is retried once after
 * its Retry-After (up to 30 s); a 400 that blames an optional field is resent without it.
 * Throws ModelError: aborted, or classified as remote-errors.ts describes.
 */
export async function openChatStream(request: OpenRequest): Promise<Response> {
  let waitedS: number | null = null;
  for (let attempt = 0; ; attempt++) {
    const response = await post(request);
    if (response.ok) return checkType(request.ctx, response);
    // Only the start of an error answer is read: its message is shown clipped anyway.
    const body = await readBodyText(response, MAX_ERROR_BODY_BYTES, { truncate: true }).catch(
      () => '',
    );
    if (response.status === 400 && attempt < MAX_FIELD_RETRIES) {
      const field = refusedField(body);
      if (field && !request.without.has(field)) {
        request.without.add(field);
        continue;
      }
    }
    if (response.status === 429 && waitedS === null) {
      const askedS = retryAfterSeconds(response.headers.get('Retry-After'), Date.now());
      if (askedS !== null && askedS > MAX_RETRY_AFTER_S)
        throw new ModelError(httpFailure(request.ctx, { status: 429, body, askedS }));
      waitedS = askedS ?? 1;
      request.onRetryWait?.(true);
      await wait(waitedS * 1000, request.signal);
      request.onRetryWait?.(false);
      continue;
    }
    throw new ModelError(httpFailure(request.ctx, { status: response.status, body, waitedS }));
  }
}

async function post(request: OpenRequest): Promise<Response> {
  const { ctx, apiKey, params, json, without, signal } = request;
  const url = `${ctx.baseUrl}/chat/completions`;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  const body = JSON.stringify(chatRequestBody(params, { model: ctx.model, json, without }));
  const doFetch = request.fetch ?? fetch;
  try {
    return await doFetch(url, {
      method: 'POST',
      headers,
      body,
      signal,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (signal.aborted) throw new ModelError(classified('aborted', 'Stopped'));
    throw new ModelError(await diagnoseFetchFailure(ctx, error));
  }
}

function checkType(ctx: EndpointContext, response: Response): Response {
  const type = (response.headers.get('Content-Type') ?? '').toLowerCase();
  if (type.includes('text/event-stream') || type.includes('application/json')) return response;
  void response.body?.cancel().catch(() => undefined);
  const what = type.includes('html') ? 'an HTML page' : `a “${type || 'untyped'}” response`;
  throw new ModelError(malformedStream(ctx, what, `Content-Type: ${type || '(none)'}`));
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new ModelError(classified('aborted', 'Stopped while waiting for Retry-After')));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
