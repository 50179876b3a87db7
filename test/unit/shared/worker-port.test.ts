// The one worker bridge in Node, against a scripted fake worker: ids, events, abort, hello, crashes, restarts, silence.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClassifiedFailure } from '../../../src/shared/errors.js';
import type { PortFromWorker, PortToWorker } from '../../../src/shared/port-messages.js';
import { WorkerPort, type PortOptions } from '../../../src/shared/worker-port.js';

type EchoApi = {
  echo: { input: string; event: number; result: string };
  never: { input: null; event: never; result: null };
};

/** A worker that records what it is sent; the test answers for it. */
class FakeWorker extends EventTarget {
  readonly sent: PortToWorker[] = [];
  terminated = false;

  postMessage(message: PortToWorker): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: PortFromWorker): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }

  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }

  calls(): Extract<PortToWorker, { type: 'call' }>[] {
    return this.sent.filter((m): m is Extract<PortToWorker, { type: 'call' }> => m.type === 'call');
  }
}

function setup(options: Partial<PortOptions<string, { db: string }>> = {}) {
  const workers: FakeWorker[] = [];
  const port = new WorkerPort<EchoApi, string, { db: string }>({
    name: 'echo',
    version: 7,
    init: { db: 'x' },
    crashAdvice: 'The echo stopped.',
    create: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    ...options,
  });
  return { port, workers };
}

async function failureOf(promise: Promise<unknown>): Promise<ClassifiedFailure> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ClassifiedFailure);
  return error as ClassifiedFailure;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('WorkerPort', () => {
  it('says hello with its version and start-up data, then routes events and results by call id', async () => {
    const { port, workers } = setup();
    const worker = workers[0]!;
    expect(worker.sent[0]).toEqual({ type: 'hello', v: 7, init: { db: 'x' } });
    const events: number[] = [];
    const first = port.call('echo', 'a', { onEvent: (n) => events.push(n) });
    const second = port.call('echo', 'b');
    const [a, b] = worker.calls();
    expect(a?.id).not.toBe(b?.id);
    worker.reply({ type: 'event', id: a!.id, event: 1 });
    worker.reply({ type: 'result', id: b!.id, result: 'B' });
    worker.reply({ type: 'result', id: a!.id, result: 'A' });
    expect(await Promise.all([first, second])).toEqual(['A', 'B']);
    expect(events).toEqual([1]);
  });

  it("rejects with the worker's classified failure, and passes notices on", async () => {
    const notices: string[] = [];
    const { port, workers } = setup({ onNotice: (notice) => notices.push(notice) });
    const worker = workers[0]!;
    const call = port.call('echo', 'a');
    worker.reply({ type: 'notice', notice: 'progress' });
    const error = { kind: 'storage' as const, message: 'Cannot read.', detail: 'UnknownError' };
    worker.reply({ type: 'failed', id: worker.calls()[0]!.id, error });
    expect(await failureOf(call)).toMatchObject(error);
    expect(notices).toEqual(['progress']);
  });

  it('rejects at once when the signal aborts, and tells the worker to stop that call', async () => {
    const { port, workers } = setup();
    const controller = new AbortController();
    const call = port.call('echo', 'a', { signal: controller.signal });
    controller.abort();
    expect((await failureOf(call)).kind).toBe('aborted');
    const id = workers[0]!.calls()[0]!.id;
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'abort', id });
    // A late result for it is ignored.
    workers[0]!.reply({ type: 'result', id, result: 'late' });
    const already = new AbortController();
    already.abort();
    expect((await failureOf(port.call('echo', 'b', { signal: already.signal }))).kind).toBe(
      'aborted',
    );
  });

  it('fails every call, now and later, with a refused hello', async () => {
    const { port, workers } = setup({ restarts: 3 });
    const call = port.call('echo', 'a');
    const refusal = { kind: 'bad-request' as const, message: 'Reload the page.' };
    workers[0]!.reply({ type: 'refused', error: refusal });
    expect(await failureOf(call)).toMatchObject(refusal);
    expect(await failureOf(port.call('echo', 'b'))).toMatchObject(refusal);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('fails pending and later calls as worker-crashed when the worker dies, by default', async () => {
    const { port, workers } = setup();
    const call = port.call('echo', 'a');
    workers[0]!.crash('Uncaught Error: boom');
    expect(await failureOf(call)).toMatchObject({
      kind: 'worker-crashed',
      message: 'The echo stopped.',
      detail: 'Uncaught Error: boom',
    });
    expect((await failureOf(port.call('echo', 'b'))).kind).toBe('worker-crashed');
    expect(workers).toHaveLength(1);
  });

  it('watches the life lock once the worker is alive: its release fails the calls at once', async () => {
    // Web Locks stand-in: a request is granted (its callback runs) when the test says the holder ended.
    const requested = new Map<string, () => void>();
    vi.stubGlobal('navigator', {
      locks: { request: (name: string, grant: () => void) => requested.set(name, grant) },
    });
    const worker = new FakeWorker();
    let lockName = '';
    const { port } = setup({
      create: (name) => {
        lockName = name;
        return worker as unknown as Worker;
      },
    });
    const call = port.call('echo', 'a');
    expect(requested.size).toBe(0);
    worker.reply({ type: 'alive' });
    expect([...requested.keys()]).toEqual([lockName]);
    requested.get(lockName)?.();
    expect(await failureOf(call)).toMatchObject({
      kind: 'worker-crashed',
      detail: 'the echo worker ended',
    });
  });

  it('replaces a crashed worker and asks it the pending calls again, up to `restarts` crashes in a row', async () => {
    const restarted: number[] = [];
    const { port, workers } = setup({ restarts: 2, onRestart: () => restarted.push(1) });
    const call = port.call('echo', 'a');
    workers[0]!.crash('boom');
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(['hello', 'call']);
    workers[1]!.crash('boom');
    workers[2]!.reply({ type: 'result', id: workers[2]!.calls()[0]!.id, result: 'A' });
    expect(await call).toBe('A');
    expect(restarted).toHaveLength(2);

    // An answer resets the count; three crashes in a row are one too many.
    const next = port.call('echo', 'b');
    for (const i of [2, 3, 4]) workers[i]!.crash('boom');
    expect(workers).toHaveLength(5);
    expect((await failureOf(next)).kind).toBe('worker-crashed');
  });

  it('with whenNeeded, starts the worker at the first call, ends it when idle, and starts afresh after a crash', async () => {
    const { port, workers } = setup({ whenNeeded: true });
    expect(workers).toHaveLength(0);
    const first = port.call('echo', 'a');
    expect(workers).toHaveLength(1);
    workers[0]!.reply({ type: 'result', id: workers[0]!.calls()[0]!.id, result: 'A' });
    expect(await first).toBe('A');
    expect(workers[0]!.terminated).toBe(true);

    const crashed = port.call('echo', 'b');
    workers[1]!.crash('boom');
    expect((await failureOf(crashed)).kind).toBe('worker-crashed');
    const after = port.call('echo', 'c');
    expect(workers).toHaveLength(3);
    workers[2]!.reply({ type: 'result', id: workers[2]!.calls()[0]!.id, result: 'C' });
    expect(await after).toBe('C');
  });

  it('fails calls with timeout once the worker has said nothing about them for inactivityTimeoutMs', async () => {
    vi.useFakeTimers();
    const { port, workers } = setup({ inactivityTimeoutMs: 1000 });
    const worker = workers[0]!;
    const call = port.call('echo', 'a');
    const id = worker.calls()[0]!.id;
    vi.advanceTimersByTime(900);
    worker.reply({ type: 'event', id, event: 1 });
    vi.advanceTimersByTime(900);
    // Another call arriving is not the worker speaking: the first still times out on time.
    const second = port.call('echo', 'b');
    vi.advanceTimersByTime(100);
    expect((await failureOf(call)).kind).toBe('timeout');
    expect((await failureOf(second)).kind).toBe('timeout');
    expect(worker.sent.filter((m) => m.type === 'abort')).toHaveLength(2);
  });

  it('pings while calls are pending and counts an unanswered ping as a crash', async () => {
    // The heartbeat measures with performance.now(), so it is faked too.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const { port, workers } = setup({ heartbeat: { everyMs: 100, timeoutMs: 500 } });
    const worker = workers[0]!;
    expect(worker.sent.some((m) => m.type === 'ping')).toBe(false);
    const call = port.call('echo', 'a');
    vi.advanceTimersByTime(100);
    expect(worker.sent.at(-1)).toEqual({ type: 'ping' });
    worker.reply({ type: 'pong' });
    vi.advanceTimersByTime(700);
    expect(await failureOf(call)).toMatchObject({
      kind: 'worker-crashed',
      detail: 'the echo worker stopped answering',
    });
  });

  it('close fails pending calls with the reason and ends the worker', async () => {
    const { port, workers } = setup();
    const call = port.call('never', null);
    port.close({ kind: 'aborted', message: 'Closed.' });
    expect(await failureOf(call)).toMatchObject({ kind: 'aborted', message: 'Closed.' });
    expect(workers[0]!.terminated).toBe(true);
  });
});
