// The remote ModelClient in Chromium against a real local OpenAI-compatible server: streaming, usage, stop, and every failure's classification.
import { describe, expect, inject, it } from 'vitest';
import { ModelError, type GenerationEvent } from '../../../../src/models/model-client.js';
import type { EndpointRecord } from '../../../../src/models/remote/endpoint-record.js';
import { RemoteModelClient } from '../../../../src/models/remote/remote-client.js';
import { listModels, testEndpoint } from '../../../../src/models/remote/endpoint-check.js';

const servers = inject('openai');

function endpoint(url: string, apiKey: string | null = null): EndpointRecord {
  return {
    id: 'test',
    name: 'Test server',
    baseUrl: `${url}/v1`,
    apiKey,
    models: [],
    modelsFrom: 'typed',
    createdAt: 0,
    updatedAt: 0,
  };
}

function client(model: string, url = servers.url, apiKey: string | null = null, idleMs?: number) {
  return new RemoteModelClient(
    endpoint(url, apiKey),
    { endpointId: 'test', model },
    idleMs ? { idleMs } : {},
  );
}

const question = {
  messages: [{ role: 'user' as const, content: 'What is 17 + 25?' }],
  temperature: 0.2,
  seed: 3,
};

async function collect(stream: AsyncIterable<GenerationEvent>) {
  let text = '';
  for await (const event of stream) {
    if (event.type === 'delta') text += event.text;
    else return { text, done: event };
  }
  throw new Error('no done event');
}

async function failure(model: string, url?: string, apiKey?: string | null, idleMs?: number) {
  try {
    await collect(client(model, url, apiKey, idleMs).stream(question));
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error(`${model} did not fail`);
}

interface Seen {
  path: string;
  model: string | null;
  closedEarly: boolean;
  authorization: string | null;
}

async function requests(url = servers.url): Promise<Seen[]> {
  return (await fetch(`${url}/__test/requests`)).json() as Promise<Seen[]>;
}

describe('RemoteModelClient', () => {
  it('streams an answer as deltas and reports the server’s usage', async () => {
    const { text, done } = await collect(client('quorum-large-8b').stream(question));
    expect(text).toMatch(/Answer: \d+/);
    expect(done.type === 'done' && done.usage.completionTokens).toBeGreaterThan(0);
    expect(done.type === 'done' && done.usage.estimated).toBeUndefined();
  });

  it('counts the streamed chunks when the server reports no usage, and says so', async () => {
    const { done } = await collect(client('no-usage').stream(question));
    expect(done.type === 'done' && done.usage).toMatchObject({ estimated: true });
    expect(done.type === 'done' && done.usage.completionTokens).toBeGreaterThan(0);
  });

  it('sends the key as a bearer token', async () => {
    await collect(client('quorum-small-1b', servers.keyedUrl, 'sk-right').stream(question));
    const seen = await requests(servers.keyedUrl);
    expect(seen.at(-1)?.authorization).toBe('Bearer sk-right');
  });

  it('stops by aborting the request: the server sees the connection closed', async () => {
    const controller = new AbortController();
    const stream = client('slow').stream(question, controller.signal);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'aborted' });
    await expect
      .poll(async () => (await requests()).some((r) => r.model === 'slow' && r.closedEarly))
      .toBe(true);
  });

  it.each([
    ['fail-500', 'server-error', /failed while answering \(500: The model crashed/],
    ['fail-503', 'server-error', /\(503/],
    ['unknown-model', 'model-missing', /does not know the model “unknown-model” \(404\)/],
    ['fail-no-done', 'stream-cut', /stopped before the server said it was finished/],
    ['fail-reset', 'stream-cut', /stopped before the server said it was finished/],
    ['fail-malformed', 'malformed-stream', /sent a line that is not a JSON chunk/],
    ['fail-html', 'malformed-stream', /sent an HTML page/],
    ['fail-huge-line', 'malformed-stream', /sent a line with no end/],
    ['fail-error-event', 'server-error', /reported an error while answering: CUDA out of memory/],
  ])('classifies %s as %s', async (model, kind, message) => {
    const error = await failure(model);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('“Test server”');
  });

  it('honours Retry-After once, then fails as rate-limited', async () => {
    const error = await failure('fail-429');
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('after Quorum waited 1 s');
    const tries = (await requests()).filter((r) => r.model === 'fail-429');
    expect(tries).toHaveLength(2);
  });

  it('answers after one Retry-After wait when the limit lifts', async () => {
    const { text } = await collect(client('flaky-429').stream(question));
    expect(text).not.toBe('');
  });

  it('does not count its own Retry-After wait as the server’s silence', async () => {
    // The wait (1 s) is longer than the inactivity limit (0.5 s): only the server's silence counts.
    const started = (await requests()).length;
    const { text } = await collect(
      client('flaky-429', servers.url, null, 500).stream({ ...question, seed: 11 }),
    );
    expect(text).not.toBe('');
    const tries = (await requests()).slice(started).filter((r) => r.model === 'flaky-429');
    expect(tries).toHaveLength(2);
  });

  it('gives up on silence after the inactivity limit and closes the request', async () => {
    const error = await failure('fail-stall', servers.url, null, 500);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('sent nothing for 1 s');
    await expect
      .poll(async () => (await requests()).some((r) => r.model === 'fail-stall' && r.closedEarly))
      .toBe(true);
  });

  it('gives up on a server that never answers at all', async () => {
    const error = await failure('fail-silent', servers.url, null, 500);
    expect(error.kind).toBe('timeout');
    await expect
      .poll(async () => (await requests()).some((r) => r.model === 'fail-silent' && r.closedEarly))
      .toBe(true);
  });

  it('tells a wrong key (401) from a refused one (403)', async () => {
    const wrong = await failure('quorum-small-1b', servers.keyedUrl, 'sk-wrong');
    expect(wrong.kind).toBe('auth');
    expect(wrong.message).toContain('(401)');
    const refused = await failure('quorum-small-1b', servers.keyedUrl, 'sk-forbidden');
    expect(refused.kind).toBe('auth');
    expect(refused.message).toContain('(403)');
  });

  it('tells a server that refuses this origin (CORS) from no server at all', async () => {
    const cors = await failure('quorum-small-1b', servers.noCorsUrl);
    expect(cors.kind).toBe('cors');
    expect(cors.message).toContain(`OLLAMA_ORIGINS=${location.origin}`);
    const none = await failure('quorum-small-1b', servers.closedUrl);
    expect(none.kind).toBe('unreachable');
    expect(none.message).toContain('could not be reached');
  });
});

describe('endpoint checks', () => {
  it('lists the server’s models, and says when a key is refused', async () => {
    const listing = await listModels({
      name: 'Test server',
      baseUrl: `${servers.url}/v1`,
      apiKey: null,
    });
    expect(listing).toEqual({
      ok: true,
      models: ['quorum-small-1b', 'quorum-large-8b', 'quorum-judge-3b'],
      leftOut: 0,
    });
    const refused = await listModels({
      name: 'Keyed',
      baseUrl: `${servers.keyedUrl}/v1`,
      apiKey: null,
    });
    expect(refused.ok === false && refused.error.kind).toBe('auth');
  });

  it('tests a model with a one-line answer, or names what failed', async () => {
    const ok = await testEndpoint(endpoint(servers.url), 'quorum-small-1b');
    expect(ok.ok).toBe(true);
    const down = await testEndpoint(endpoint(servers.closedUrl), 'quorum-small-1b');
    expect(down.ok === false && down.error.kind).toBe('unreachable');
  });
});

describe('limits on what a server sends', () => {
  it('stops an answer that runs far past max tokens, keeps what arrived, and closes the request', async () => {
    let text = '';
    let error: unknown = null;
    try {
      for await (const event of client('fail-endless').stream({ ...question, maxTokens: 64 }))
        if (event.type === 'delta') text += event.text;
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ kind: 'server-error' });
    expect((error as ModelError).message).toMatch(
      /kept writing past 16384 characters although at most 64 tokens were asked for/,
    );
    // The server would send 4 MB: reading stopped soon after the limit, and what came is kept.
    expect(text.length).toBeGreaterThan(16_384);
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    await expect
      .poll(async () => (await requests()).some((r) => r.model === 'fail-endless' && r.closedEarly))
      .toBe(true);
  });

  it('gives up on an event whose data lines never end, naming it, before the silence limit', async () => {
    const error = await failure('fail-endless-event', servers.url, null, 3000);
    expect(error.kind).toBe('malformed-stream');
    expect(error.message).toContain('sent an event that never ends');
  });

  it('refuses a whole JSON answer larger than 8 MB', async () => {
    const error = await failure('fail-huge-json');
    expect(error.kind).toBe('malformed-stream');
    expect(error.message).toContain('sent a JSON answer larger than 8 MB');
  });

  it('offers only plain model names from a hostile list, and counts the others', async () => {
    const listing = await listModels({
      name: 'Hostile',
      baseUrl: `${servers.url}/hostile/v1`,
      apiKey: null,
    });
    expect(listing).toEqual({
      ok: true,
      models: ['plain-model', `long-${'y'.repeat(195)}`],
      leftOut: 4,
    });
  });

  it('refuses a model list larger than 8 MB', async () => {
    const listing = await listModels({
      name: 'Huge',
      baseUrl: `${servers.url}/huge/v1`,
      apiKey: null,
    });
    expect(listing.ok === false && listing.error.kind).toBe('malformed-stream');
    expect(listing.ok === false && listing.error.message).toContain(
      'sent a model list larger than 8 MB',
    );
  });
});
