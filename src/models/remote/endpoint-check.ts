// Asks an endpoint for its models and tests it with a one-line answer, each step saying what failed.
import { classifyError, type ClassifiedError } from '../../shared/errors.js';
import { clip } from './chat-chunk.js';
import { diagnoseFetchFailure } from './diagnose-fetch.js';
import { ENDPOINT_LIMITS, hasUnsafeCharacter, type EndpointRecord } from './endpoint-record.js';
import {
  BodyTooLarge,
  MAX_ERROR_BODY_BYTES,
  MAX_JSON_BODY_BYTES,
  readBodyText,
} from './read-body.js';
import { RemoteModelClient } from './remote-client.js';
import {
  httpFailure,
  malformedStream,
  responseTooLarge,
  type EndpointContext,
} from './remote-errors.js';

/** An endpoint's models, or why they could not be listed. */
export type ModelListing =
  /** `leftOut`: ids not offered (unsafe or too long names, or past the first 500). */
  | { ok: true; models: string[]; leftOut: number }
  /** `noRoute`: the server has no GET /models (the visitor types the names instead). */
  | { ok: false; error: ClassifiedError; noRoute: boolean };

/** Where an endpoint is and how to authorise. */
export interface EndpointAddress {
  name: string;
  baseUrl: string;
  apiKey: string | null;
}

/** The longest list kept from a server (a hosted router lists hundreds). */
const MAX_LISTED = 500;
const LIST_TIMEOUT_MS = 15_000;

/** GET <base>/models: the ids of an OpenAI-style `{ data: [{ id }] }` answer. */
export async function listModels(
  address: EndpointAddress,
  signal?: AbortSignal,
): Promise<ModelListing> {
  const ctx: EndpointContext = {
    name: address.name,
    baseUrl: address.baseUrl,
    model: '',
    pageOrigin: location.origin,
    // The list is asked for from the server's form: its key and address are the fields above.
    shownIn: 'form',
  };
  let response: Response;
  try {
    response = await fetch(`${address.baseUrl}/models`, {
      headers: address.apiKey ? { Authorization: `Bearer ${address.apiKey}` } : {},
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: signal ?? AbortSignal.timeout(LIST_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, error: await diagnoseFetchFailure(ctx, error), noRoute: false };
  }
  let body: string;
  try {
    body = response.ok
      ? await readBodyText(response, MAX_JSON_BODY_BYTES)
      : await readBodyText(response, MAX_ERROR_BODY_BYTES, { truncate: true });
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return {
        ok: false,
        error: responseTooLarge(ctx, 'a model list', error.limitBytes),
        noRoute: false,
      };
    body = '';
  }
  if (!response.ok)
    return {
      ok: false,
      error: httpFailure(ctx, { status: response.status, body }),
      noRoute: response.status === 404 || response.status === 405,
    };
  const listed = modelIdsOf(body);
  if (listed === null)
    return {
      ok: false,
      error: malformedStream(ctx, 'a model list Quorum cannot read', clip(body)),
      noRoute: false,
    };
  return { ok: true, ...listed };
}

/**
 * The model ids of a /models answer that can be offered, and how many were left out: ids longer
 * than 200 characters or holding control or text-direction characters (they would be sent to the
 * server as they are, so they are refused, not cleaned), and those past the first 500. Null when
 * the body is not such an answer.
 */
export function modelIdsOf(body: string): { models: string[]; leftOut: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const data = (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  const named = [
    ...new Set(
      data
        .map((entry) => (entry as { id?: unknown } | null)?.id)
        .filter((id): id is string => typeof id === 'string' && id.trim() !== ''),
    ),
  ];
  const safe = named.filter((id) => id.length <= ENDPOINT_LIMITS.model && !hasUnsafeCharacter(id));
  const models = safe.slice(0, MAX_LISTED);
  return { models, leftOut: named.length - models.length };
}

/** A test answer's timing (ms) and text, or why it failed. */
export type TestOutcome =
  | { ok: true; model: string; firstTokenMs: number; totalMs: number; text: string }
  | { ok: false; model: string; error: ClassifiedError };

/** Asks `model` for a word, streamed like a real run, and reports the time to the first token. */
export async function testEndpoint(
  endpoint: EndpointRecord,
  model: string,
  signal?: AbortSignal,
): Promise<TestOutcome> {
  // The test is run from Settings' list of servers: a fix is made by editing the server there.
  const client = new RemoteModelClient(
    endpoint,
    { endpointId: endpoint.id, model },
    { shownIn: 'settings' },
  );
  let text = '';
  try {
    for await (const event of client.stream(
      {
        messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
        maxTokens: 16,
        temperature: 0,
      },
      signal,
    )) {
      if (event.type === 'delta') text += event.text;
      else
        return {
          ok: true,
          model,
          firstTokenMs: event.usage.timeToFirstTokenMs,
          totalMs: event.usage.totalMs,
          text: clip(text, 80),
        };
    }
  } catch (error) {
    return { ok: false, model, error: classifyError(error) };
  }
  return {
    ok: false,
    model,
    error: classifyError(new Error('The answer ended without a final event.')),
  };
}
