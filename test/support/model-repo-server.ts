// Serves test/fixtures/model-repo on 127.0.0.1 like a Hugging Face repo (…/resolve/main/…), for the browser tests.
// 127.0.0.1 rather than "localhost": web-llm skips caching model libs whose URL contains "localhost".
// Prefixes: /t-<tag>/… is ignored (GET /__offline/<tag> makes it answer 503); /slow/… sends bodies in small timed chunks (to cancel mid-file); /drop/… cuts shards 2+ mid-body;
// /fail/<spec>/<file>/… injects failures into the file named <file> ("all": every file): <spec> is "<status>" (always), "<status>x<n>" (the first n requests),
// "resetx<n>" (the first n bodies cut mid-way), with "ra<seconds>" appended to send Retry-After. GET /__hits/<tag> counts the requests per file name.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve('test/fixtures/model-repo');
const SLOW_CHUNK_BYTES = 1024;
const SLOW_CHUNK_DELAY_MS = 40;

let server: Server | undefined;
/** Tags taken "offline" by GET /__offline/<tag>: their files answer 503, as if the network were gone. */
const offline = new Set<string>();
/** Requests per tag and file name, for GET /__hits/<tag>. */
const hits = new Map<string, Map<string, number>>();

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.wasm')) return 'application/wasm';
  return 'application/octet-stream';
}

/** "/Repo/resolve/main/file" → "<root>/Repo/file"; "/libs/x.wasm" → "<root>/libs/x.wasm". */
function fixturePath(pathname: string): string | null {
  const path = decodeURIComponent(pathname).replace(/\/resolve\/[^/]+\//, '/');
  const full = resolve(ROOT, `.${path}`);
  return full.startsWith(ROOT + sep) ? full : null;
}

async function sendSlowly(res: ServerResponse, body: Buffer): Promise<void> {
  for (let at = 0; at < body.length && !res.destroyed; at += SLOW_CHUNK_BYTES) {
    res.write(body.subarray(at, at + SLOW_CHUNK_BYTES));
    await new Promise((done) => setTimeout(done, SLOW_CHUNK_DELAY_MS));
  }
  res.end();
}

function cutMidBody(res: ServerResponse, body: Buffer): void {
  res.write(body.subarray(0, body.length / 2));
  setTimeout(() => res.destroy(), 20);
}

interface Failure {
  /** An HTTP status, or 'reset' to cut the body mid-way. */
  what: number | 'reset';
  /** How many requests of the file fail; Infinity for all. */
  times: number;
  retryAfter: string | null;
  file: string;
}

const FAIL = /^\/fail\/(\d{3}|reset)(?:x(\d+))?(?:ra(\d+))?\/([^/]+)(?=\/)/;

function parseFailure(pathname: string): { failure: Failure; rest: string } | null {
  const match = pathname.match(FAIL);
  if (!match) return null;
  const [whole, what, times, retryAfter, file] = match;
  return {
    failure: {
      what: what === 'reset' ? 'reset' : Number(what),
      times: times === undefined ? Infinity : Number(times),
      retryAfter: retryAfter ?? null,
      file: file ?? 'all',
    },
    rest: pathname.slice(whole.length),
  };
}

function count(tag: string | undefined, file: string): number {
  if (!tag) return 0;
  const byFile = hits.get(tag) ?? new Map<string, number>();
  hits.set(tag, byFile);
  const seen = (byFile.get(file) ?? 0) + 1;
  byFile.set(file, seen);
  return seen;
}

function listen(): Promise<Server> {
  const created = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const offlineTag = url.pathname.match(/^\/__offline\/([^/]+)$/)?.[1];
    if (offlineTag) {
      offline.add(offlineTag);
      res.writeHead(204).end();
      return;
    }
    const hitsTag = url.pathname.match(/^\/__hits\/([^/]+)$/)?.[1];
    if (hitsTag) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(Object.fromEntries(hits.get(hitsTag) ?? [])));
      return;
    }
    const tag = url.pathname.match(/\/t-([^/]+)\//)?.[1];
    if (tag && offline.has(tag)) {
      res.writeHead(503).end();
      return;
    }
    const injected = parseFailure(url.pathname);
    const pathname = injected?.rest ?? url.pathname;
    const mode = pathname.match(/^\/(slow|drop)\//)?.[1];
    // A "/t-<tag>" segment only keeps cache keys of separate tests apart.
    const rest = (mode ? pathname.slice(mode.length + 1) : pathname).replace(/^\/t-[^/]+/, '');
    const path = fixturePath(rest);
    if (!path) {
      res.writeHead(400).end();
      return;
    }
    const seen = count(tag, basename(path));
    const failure = injected?.failure;
    const failing =
      failure &&
      (failure.file === 'all' || failure.file === basename(path)) &&
      seen <= failure.times;
    if (failing && failure.what !== 'reset') {
      const headers = failure.retryAfter === null ? {} : { 'Retry-After': failure.retryAfter };
      res.writeHead(failure.what, headers).end();
      return;
    }
    readFile(path).then(
      async (body) => {
        res.writeHead(200, { 'Content-Type': contentType(path), 'Content-Length': body.length });
        if (failing || (mode === 'drop' && /params_shard_[2-9]/.test(path))) {
          cutMidBody(res, body);
        } else if (mode === 'slow') {
          await sendSlowly(res, body);
        } else {
          res.end(body);
        }
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done) => created.listen(0, '127.0.0.1', () => done(created)));
}

export async function setup(project: TestProject): Promise<void> {
  server = await listen();
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('model repo: no port');
  project.provide('modelRepoUrl', `http://127.0.0.1:${address.port}`);
}

export async function teardown(): Promise<void> {
  await new Promise((done) => server?.close(done));
}

declare module 'vitest' {
  export interface ProvidedContext {
    modelRepoUrl: string;
  }
}
