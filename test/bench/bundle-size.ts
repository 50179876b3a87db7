// Sizes of the built JavaScript: what index.html loads up front (entry, static imports, modulepreloads) and the worker chunks.
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  /** Everything index.html makes the browser fetch and run before any lazy import. */
  initial: ChunkSize[];
  initialGzipBytes: number;
  /** Largest lazily loaded chunks, for the record. */
  largestLazy: ChunkSize[];
  /** The chunk holding web-llm (loaded by the model worker only); null if the build has none. */
  webllm: ChunkSize | null;
}

/** `from"./x.js"`, `import"./x.js"` and `export*from"./x.js"`, but never `import("./x.js")`. */
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)(["'])([^"'\n]+?\.js)\1/g;

export function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((match) => match[2] ?? '');
}

export function htmlInitialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)];
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return [...scripts, ...preloads].map((match) => match[1] ?? '');
}

export function measureBundle(distDir: string): BundleSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = htmlInitialScripts(html).map((src) => src.replace(/^\//, ''));
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const resolved = spec.startsWith('/')
        ? spec.slice(1)
        : posix.normalize(posix.join(posix.dirname(file), spec));
      queue.push(resolved);
    }
  }
  const initial = [...seen].map((file) => sizeOf(distDir, file));
  const lazy = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !seen.has(`assets/${name}`))
    .map((name) => sizeOf(distDir, `assets/${name}`))
    .sort((a, b) => b.rawBytes - a.rawBytes);
  // web-llm's engine class name survives minification as a string in its error messages.
  const webllm =
    lazy.find((chunk) => readFileSync(join(distDir, chunk.file), 'utf8').includes('MLCEngine')) ??
    null;
  return {
    initial,
    initialGzipBytes: initial.reduce((total, chunk) => total + chunk.gzipBytes, 0),
    largestLazy: lazy.slice(0, 4),
    webllm,
  };
}

function sizeOf(distDir: string, file: string): ChunkSize {
  const bytes = readFileSync(join(distDir, file));
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
