// web-llm 0.2.86's own errors for the classifier's tests: thrown by its code in Node where it can run, else built from its own classes.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import { MLCEngine, type AppConfig } from '@mlc-ai/web-llm';

/**
 * One of web-llm's error classes that the package does not export, taken from the installed
 * lib/index.js (so a web-llm upgrade that renames or rewords it shows up here).
 */
export function webLlmErrorClass(name: string): new (...args: never[]) => Error {
  const path = createRequire(import.meta.url).resolve('@mlc-ai/web-llm');
  const source = readFileSync(path, 'utf8');
  const start = source.indexOf(`class ${name} extends Error {`);
  if (start === -1) throw new Error(`web-llm has no class ${name} any more`);
  const end = source.indexOf('\n}\n', start);
  return new Function(`${source.slice(start, end + 2)}; return ${name};`)() as never;
}

/** Runs `body` with `navigator.gpu` replaced (Node has no WebGPU; web-llm reads the global). */
async function withGpu<T>(gpu: unknown, body: () => Promise<T>): Promise<T> {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  try {
    return await body();
  } finally {
    if (before) Object.defineProperty(globalThis, 'navigator', before);
    else Reflect.deleteProperty(globalThis, 'navigator');
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('web-llm did not fail');
    },
    (error: unknown) => error,
  );
}

const quiet = () => new MLCEngine({ logLevel: 'SILENT' });

/** web-llm's detectGPUDevice when the browser has WebGPU but no adapter ("Unable to find a compatible GPU…"). */
export function noAdapterError(): Promise<unknown> {
  const gpu = { requestAdapter: () => Promise.resolve(null) };
  return withGpu(gpu, () => rejection(quiet().getMaxStorageBufferBindingSize()));
}

/** web-llm's detectGPUDevice on an adapter whose maxStorageBufferBindingSize is below its 128 MB floor. */
export function storageBufferLimitError(limitBytes: number): Promise<unknown> {
  const limits = {
    maxBufferSize: 1 << 30,
    maxStorageBufferBindingSize: limitBytes,
    maxComputeWorkgroupStorageSize: 32 << 10,
    maxStorageBuffersPerShaderStage: 10,
    maxComputeInvocationsPerWorkgroup: 1024,
  };
  const adapter = { limits, features: new Set<string>(), info: {} };
  const gpu = { requestAdapter: () => Promise.resolve(adapter) };
  const log = console.log;
  console.log = () => {}; // detectGPUDevice logs its fallback before it throws
  return withGpu(gpu, () => rejection(quiet().getMaxStorageBufferBindingSize())).finally(() => {
    console.log = log;
  });
}

/** A chat request to an engine with no model (web-llm's ModelNotLoadedError). */
export function modelNotLoadedError(): Promise<unknown> {
  const engine = quiet();
  return rejection(engine.chat.completions.create({ messages: [{ role: 'user', content: 'hi' }] }));
}

/**
 * What reload rejects with when `unload()` is called while it fetches: web-llm aborts its
 * controller with a bare string (lib/index.js, line 18377), and fetch rejects with that reason.
 * The fetch goes to a local server that never answers, through a stand-in Cache whose `add` is
 * Node's own fetch (the Cache API's add fetches the same way).
 */
export async function unloadDuringReloadError(): Promise<unknown> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  const stand_in = {
    open: () =>
      Promise.resolve({
        match: () => Promise.resolve(undefined),
        add: (request: Request) => fetch(request),
      }),
  };
  // reload reads globalThis.location.origin outside a document, and the Cache API's `caches`.
  const globals = { caches: stand_in, location: { origin: `http://127.0.0.1:${port}` } };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true });
  }
  const appConfig: AppConfig = {
    model_list: [
      {
        model: `http://127.0.0.1:${port}/Tiny-MLC`,
        model_id: 'Tiny-MLC',
        model_lib: `http://127.0.0.1:${port}/tiny.wasm`,
      },
    ],
  };
  try {
    const engine = new MLCEngine({ appConfig, logLevel: 'SILENT' });
    const failure = rejection(engine.reload('Tiny-MLC'));
    await new Promise((done) => setTimeout(done, 50));
    await engine.unload();
    return await failure;
  } finally {
    for (const name of Object.keys(globals)) Reflect.deleteProperty(globalThis, name);
    for (const socket of sockets) socket.destroy();
    server.close();
  }
}
