// A tiny static server for a copy of the built app, so a test can change the files it serves (a "new deploy").
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export interface StaticServer {
  /** e.g. "http://127.0.0.1:39123", no trailing slash. */
  readonly url: string;
  /** Holds back every response for `pathname` (a slow download) until the returned function is called. */
  hold(pathname: string): () => void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside `root`, or index.html for anything else (the app routes on the client). */
async function resolveFile(root: string, pathname: string): Promise<string> {
  const fallback = resolve(root, 'index.html');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return fallback;
  }
  const full = resolve(root, `.${decoded}`);
  if (!full.startsWith(root + sep)) return fallback;
  return (await isFile(full)) ? full : fallback;
}

/** Serves `root` on 127.0.0.1 at a free port; files are read on every request, so edits show at once. */
export function startStaticServer(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const held = new Map<string, Promise<void>>();
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    Promise.resolve(held.get(pathname))
      .then(() => resolveFile(base, pathname))
      .then(async (file) => {
        const body = await readFile(file);
        res.setHeader('Content-Type', contentType(file));
        // The browser must see a changed sw.js (and the page that registers it) on its next check.
        const revalidate = file.endsWith(`${sep}sw.js`) || file.endsWith('.html');
        res.setHeader('Cache-Control', revalidate ? 'no-cache' : 'public, max-age=0');
        res.writeHead(200).end(req.method === 'HEAD' ? undefined : body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
      });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        hold: (pathname) => {
          let release = () => {};
          held.set(
            pathname,
            new Promise((done) => {
              release = done;
            }),
          );
          return () => {
            held.delete(pathname);
            release();
          };
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
