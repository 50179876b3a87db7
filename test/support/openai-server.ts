// A local OpenAI-compatible server for the tests: /v1/models and streamed /v1/chat/completions, with a knob for every failure a remote endpoint can have.
// Knobs are model ids, so a browser test can pick one without talking to Node:
//   any listed model answers like the simulated engine (numbers, choices, judge JSON), streamed as server-sent events;
//   fail-500, fail-503, fail-429 (always, Retry-After: 1), flaky-429 (once per seed, then fine), fail-no-done (ends without [DONE]),
//   fail-malformed (a data line that is not JSON), fail-stall (two tokens, then silence), fail-reset (two tokens, then the connection drops), fail-silent (no answer at all), fail-html (an HTML page with status 200),
//   fail-huge-line (a 10 MB line with no end), fail-error-event (an OpenAI error object inside the stream), slow (4 tokens/s),
//   no-usage (never reports usage), markup-<anything> (an answer made of HTML and script);
//   fail-endless, fail-endless-event, fail-huge-json and the /hostile and /huge model lists (openai-hostile.ts);
//   an unknown model gets OpenAI's 404 "model_not_found".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMarkup, streamAnswer } from './openai-stream.js';
import { hostileModelList, hugeJsonAnswer } from './openai-hostile.js';

export interface OpenAiServerOptions {
  /** Origins allowed by CORS: '*' reflects any Origin (the default); [] refuses every browser. */
  allowedOrigins?: '*' | readonly string[];
  /** When set, requests need `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
  /** A key the server knows but refuses (403). */
  forbiddenKey?: string;
  /** Streaming speed of ordinary models, tokens per second (default 400). */
  tokensPerSecond?: number;
  /** Length of a free-text answer in tokens, and the cap of every answer unless max_tokens is lower. */
  answerTokens?: number;
  /** The models /v1/models lists and answers for. */
  models?: readonly string[];
  /** Answer 404 to /v1/models, as some servers do (models must then be typed). */
  noModelsRoute?: boolean;
}

export interface RequestRecord {
  path: string;
  model: string | null;
  status: number;
  /** The request body as JSON (chat completions only). */
  body: Record<string, unknown> | null;
  authorization: string | null;
  origin: string | null;
  /** True when the client closed the connection before the answer ended (a Stop). */
  closedEarly: boolean;
}

export interface OpenAiServer {
  /** e.g. "http://127.0.0.1:39123" (the OpenAI base URL is this plus "/v1"). */
  readonly url: string;
  readonly requests: readonly RequestRecord[];
  /** Changes options for the requests that follow. */
  configure(options: Partial<OpenAiServerOptions>): void;
  /** Resolves once a request for `model` was closed by the client before its end. */
  closedEarly(model: string): Promise<RequestRecord>;
  close(): Promise<void>;
}

export const DEFAULT_MODELS = ['quorum-small-1b', 'quorum-large-8b', 'quorum-judge-3b'];
const RETRY_AFTER_S = 1;

interface State {
  options: Required<Omit<OpenAiServerOptions, 'apiKey' | 'forbiddenKey'>> &
    Pick<OpenAiServerOptions, 'apiKey' | 'forbiddenKey'>;
  requests: RequestRecord[];
  flakyServed: Set<string>;
  waiters: { model: string; done: (record: RequestRecord) => void }[];
}

/** Starts the server on 127.0.0.1 at a free port. */
export function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiServer> {
  const state: State = {
    options: {
      allowedOrigins: '*',
      tokensPerSecond: 400,
      answerTokens: 40,
      models: DEFAULT_MODELS,
      noModelsRoute: false,
      ...options,
    },
    requests: [],
    flakyServed: new Set(),
    waiters: [],
  };
  const server: Server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        requests: state.requests,
        configure: (changes) => Object.assign(state.options, changes),
        closedEarly: (model) => {
          const seen = state.requests.find((r) => r.model === model && r.closedEarly);
          if (seen) return Promise.resolve(seen);
          return new Promise((resolve) => state.waiters.push({ model, done: resolve }));
        },
        close: () =>
          new Promise<void>((closed, failed) => {
            server.closeAllConnections();
            server.close((error) => (error ? failed(error) : closed()));
          }),
      });
    });
  });
}

function allowOrigin(state: State, req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  const allowed = state.options.allowedOrigins;
  if (!origin || (allowed !== '*' && !allowed.includes(origin))) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  allowOrigin(state, req, res);
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  if (pathname === '/__test/requests') {
    // For browser tests, which cannot read `requests` from Node: what the server saw, bodies left out.
    const seen = state.requests.map(({ body: _body, ...rest }) => rest);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(seen));
    return;
  }
  const record: RequestRecord = {
    path: pathname,
    model: null,
    status: 200,
    body: null,
    authorization: req.headers.authorization ?? null,
    origin: req.headers.origin ?? null,
    closedEarly: false,
  };
  state.requests.push(record);
  const refusal = authRefusal(state, req);
  if (refusal) return sendError(res, record, refusal.status, refusal.message, refusal.code);
  const hostileList = hostileModelList(pathname);
  if (hostileList) return sendJson(res, record, 200, hostileList);
  if (pathname === '/v1/models' && req.method === 'GET') {
    if (state.options.noModelsRoute) return sendError(res, record, 404, 'Not Found', null);
    return sendJson(res, record, 200, {
      object: 'list',
      data: state.options.models.map((id) => ({ id, object: 'model', owned_by: 'quorum-test' })),
    });
  }
  if (pathname === '/v1/chat/completions' && req.method === 'POST') {
    const body = await readJson(req);
    record.body = body;
    record.model = typeof body?.model === 'string' ? body.model : null;
    return complete(state, req, res, record);
  }
  return sendError(res, record, 404, `No route ${pathname}`, null);
}

function authRefusal(
  state: State,
  req: IncomingMessage,
): { status: number; message: string; code: string } | null {
  const { apiKey, forbiddenKey } = state.options;
  if (!apiKey && !forbiddenKey) return null;
  const given = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  if (forbiddenKey && given === forbiddenKey)
    return { status: 403, message: 'This key may not use this server.', code: 'forbidden' };
  if (apiKey && given !== apiKey)
    return { status: 401, message: 'Incorrect API key provided.', code: 'invalid_api_key' };
  return null;
}

async function complete(
  state: State,
  req: IncomingMessage,
  res: ServerResponse,
  record: RequestRecord,
): Promise<void> {
  const body = record.body ?? {};
  const model = record.model ?? '';
  switch (model) {
    case 'fail-500':
      return sendError(res, record, 500, 'The model crashed while loading.', 'server_error');
    case 'fail-503':
      return sendError(res, record, 503, 'The server is overloaded.', 'server_error');
    case 'fail-429':
      return rateLimited(res, record);
    case 'flaky-429': {
      // Once per seed, so each test that asks with its own seed sees the limit once.
      const key = `${model}:${String(body.seed)}`;
      if (!state.flakyServed.has(key)) {
        state.flakyServed.add(key);
        return rateLimited(res, record);
      }
      break;
    }
    case 'fail-silent':
      // Never answers, not even with headers: the client's inactivity limit must end the call.
      res.on('close', () => {
        record.closedEarly = true;
      });
      return;
    case 'fail-huge-json':
      return hugeJsonAnswer(res);
    case 'fail-html':
      record.status = 200;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Login</title><h1>Sign in</h1><script>alert(1)</script>');
      return;
  }
  const known = state.options.models.includes(model) || KNOBS.has(model) || isMarkup(model);
  if (!known)
    return sendError(res, record, 404, `The model '${model}' does not exist`, 'model_not_found');
  if (body.stream !== true)
    return sendError(res, record, 400, 'Only stream: true is served.', null);
  res.on('close', () => {
    if (res.writableEnded) return;
    record.closedEarly = true;
    for (const waiter of state.waiters.filter((w) => w.model === model)) waiter.done(record);
    state.waiters = state.waiters.filter((w) => w.model !== model);
  });
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  await streamAnswer(res, model, body, state.options);
}

const KNOBS = new Set([
  'fail-no-done',
  'fail-malformed',
  'fail-stall',
  'fail-reset',
  'fail-huge-line',
  'fail-error-event',
  'fail-endless',
  'fail-endless-event',
  'flaky-429',
  'slow',
  'no-usage',
]);

function rateLimited(res: ServerResponse, record: RequestRecord): void {
  res.setHeader('Retry-After', String(RETRY_AFTER_S));
  sendError(res, record, 429, 'Rate limit reached for requests.', 'rate_limit_exceeded');
}

function sendError(
  res: ServerResponse,
  record: RequestRecord,
  status: number,
  message: string,
  code: string | null,
): void {
  sendJson(res, record, status, { error: { message, type: 'invalid_request_error', code } });
}

function sendJson(
  res: ServerResponse,
  record: RequestRecord,
  status: number,
  value: unknown,
): void {
  record.status = status;
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
