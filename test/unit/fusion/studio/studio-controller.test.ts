// The studio's run controller: columns from events, one render a frame, progressive saves (none after another tab deleted the run).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  StudioController,
  type StudioDeps,
} from '../../../../src/fusion/studio/studio-controller.js';
import type { RunRecord } from '../../../../src/fusion/history/run-record.js';
import type { GenerateParams } from '../../../../src/models/model-client.js';
import { ScriptedClient, type ScriptStep } from '../scripted-client.js';
import { FakeHost } from './fake-host.js';

function setup(scripts: Record<string, ScriptStep[]>, extra: Partial<StudioDeps> = {}) {
  const saved: RunRecord[] = [];
  const frames: (() => void)[] = [];
  const host = new FakeHost();
  const clients = Object.fromEntries(
    Object.entries(scripts).map(([id, script]) => [
      id,
      new ScriptedClient({ id, label: `Model ${id}`, simulated: true, script }),
    ]),
  );
  let ids = 0;
  const controller = new StudioController(host, {
    client: (id) => clients[id]!,
    store: {
      save: async (run) => {
        saved.push(structuredClone(run));
        return 'saved';
      },
      begin: () => undefined,
      finish: () => undefined,
    },
    accuracy: async () => ({}),
    frame: (callback) => frames.push(callback),
    newId: () => `run-${++ids}`,
    ...extra,
  });
  return { controller, host, saved, frames, clients };
}

const request = (poolIds: string[]) => ({
  mode: 'vote' as const,
  prompt: 'What is 17 * 23?',
  poolIds,
  judgeId: null,
  options: { samples: 1 },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('StudioController', () => {
  it('folds a run into one column per member and saves it first as running, then done', async () => {
    const { controller, saved } = setup({ a: ['Answer: 391'], b: ['Answer: 391'] });
    const record = await controller.run(request(['a', 'b']));
    expect(record?.status).toBe('done');
    expect(record?.finalAnswer).toContain('391');
    expect(controller.live?.columns.map((c) => c.key)).toEqual(['member:a', 'member:b']);
    expect(controller.live?.columns[0]?.segments[0]?.text).toBe('Answer: 391');
    expect(saved[0]?.status).toBe('running');
    expect(saved.at(-1)?.status).toBe('done');
    expect(saved.at(-1)?.trace?.mode).toBe('vote');
  });

  it('asks the host to re-render once per frame however many events arrive', async () => {
    const { controller, host, frames } = setup({ a: ['Answer: 391'], b: ['Answer: 391'] });
    await controller.run(request(['a', 'b']));
    // Two members × (start, 2 deltas, done) plus phase events all landed before any frame ran.
    expect(frames).toHaveLength(1);
    const before = host.updates;
    frames[0]!();
    expect(host.updates).toBe(before + 1);
  });

  it('waits renderEveryMs between re-renders however many frames pass', async () => {
    const updatesWith = async (renderEveryMs: number): Promise<number> => {
      const { controller, host } = setup(
        { a: ['Answer: 391'], b: ['Answer: 391'] },
        { frame: (callback) => callback(), renderEveryMs },
      );
      await controller.run(request(['a', 'b']));
      return host.updates;
    };
    const everyFrame = await updatesWith(0);
    const throttled = await updatesWith(60_000);
    // The run's own start and end updates, plus the first streamed render.
    expect(throttled).toBe(3);
    expect(everyFrame).toBeGreaterThan(throttled);
  });

  it('continues the conversation with the fused answer as the assistant turn', async () => {
    const { controller, clients } = setup({ a: ['Answer: 391'], b: ['Answer: 391'] });
    await controller.run(request(['a', 'b']));
    await controller.run({ ...request(['a', 'b']), prompt: 'And 391 + 9?' });
    const lastCall = clients['a']!.calls.at(-1)!;
    expect(lastCall.messages.slice(0, 2)).toEqual([
      { role: 'user', content: 'What is 17 * 23?' },
      { role: 'assistant', content: 'Answer: 391' },
    ]);
    expect(controller.earlierTurns).toHaveLength(1);
    controller.newConversation();
    expect(controller.history).toEqual([]);
  });

  it('stop ends the run as stopped and keeps the partial answers', async () => {
    const { controller, saved } = setup({
      a: ['Answer: 391'],
      b: [{ text: 'I think the answer', hang: true }],
    });
    vi.useFakeTimers();
    const running = controller.run(request(['a', 'b']));
    // Time for a to answer while b hangs, without waiting for it.
    await vi.advanceTimersByTimeAsync(30);
    expect(controller.running).toBe(true);
    expect(controller.live?.columns[0]?.segments[0]?.text).toBe('Answer: 391');
    controller.stop();
    const record = await running;
    expect(record?.status).toBe('stopped');
    expect(record?.answers.find((a) => a.memberId === 'a')?.text).toBe('Answer: 391');
    expect(saved.at(-1)?.status).toBe('stopped');
    expect(controller.running).toBe(false);
    expect(controller.history).toEqual([]);
  });

  it('saves what a running run has so far while it runs', async () => {
    const { controller, saved } = setup(
      { a: [{ text: 'Answer: 391', delayMs: 80 }], b: ['Answer: 391'] },
      { saveEveryMs: 20 },
    );
    vi.useFakeTimers();
    const running = controller.run(request(['a', 'b']));
    await vi.advanceTimersByTimeAsync(100);
    await running;
    const progressive = saved.filter((r) => r.status === 'running');
    expect(progressive.length).toBeGreaterThan(1);
    expect(progressive.at(-1)?.answers.find((a) => a.memberId === 'b')?.text).toBe('Answer: 391');
  });

  it('tells the visitor when the run cannot be saved, instead of only logging it', async () => {
    const { controller } = setup(
      { a: ['Answer: 391'], b: ['Answer: 391'] },
      {
        store: {
          save: () => Promise.reject(new Error('QuotaExceededError')),
          begin: () => undefined,
          finish: () => undefined,
        },
      },
    );
    const record = await controller.run(request(['a', 'b']));
    expect(record?.status).toBe('done');
    expect(controller.saveError).toMatch(/could not be saved: QuotaExceededError/);
  });

  it('stops saving a run another tab deleted, and says so', async () => {
    const calls: RunRecord['status'][] = [];
    const { controller } = setup(
      { a: [{ text: 'Answer: 391', delayMs: 30 }], b: [{ text: 'Answer: 391', delayMs: 30 }] },
      {
        saveEveryMs: 5,
        store: {
          // The first save creates the run; then another tab deletes it.
          save: async (run) => {
            calls.push(run.status);
            return calls.length === 1 ? 'saved' : 'deleted';
          },
          begin: () => undefined,
          finish: () => undefined,
        },
      },
    );
    const record = await controller.run(request(['a', 'b']));
    expect(record?.status).toBe('done');
    // Nothing is written after the save that found the run deleted, not even its end.
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('running');
    expect(controller.saveError).toMatch(/deleted in another tab, so it is no longer saved/);
  });

  describe('with a memory plan of several stages', () => {
    /** A scripted client that logs its calls and unloads, and notes an unload during a call. */
    class TrackedClient extends ScriptedClient {
      pending = 0;
      constructor(
        id: string,
        private readonly log: string[],
        private readonly violations: string[],
      ) {
        super({ id, simulated: true, script: [{ text: 'Answer: 391', delayMs: 5 }] });
      }
      override async *stream(params: GenerateParams, signal?: AbortSignal) {
        this.pending++;
        this.log.push(`start ${this.id}`);
        try {
          yield* super.stream(params, signal);
        } finally {
          this.pending--;
          this.log.push(`end ${this.id}`);
        }
      }
      override async unload(): Promise<void> {
        if (this.pending > 0) this.violations.push(`${this.id} unloaded with a call pending`);
        this.log.push(`unload ${this.id}`);
      }
    }

    function tracked(ids: string[]) {
      const log: string[] = [];
      const violations: string[] = [];
      const clients = Object.fromEntries(
        ids.map((id) => [id, new TrackedClient(id, log, violations)]),
      );
      const host = new FakeHost();
      const controller = new StudioController(host, {
        client: (id) => clients[id]!,
        store: { save: async () => 'saved', begin: () => undefined, finish: () => undefined },
        accuracy: async () => ({}),
        frame: () => undefined,
      });
      return { controller, log, violations };
    }

    it('unloads stage one’s models after their calls end and before stage two loads', async () => {
      const { controller, log, violations } = tracked(['a', 'b', 'c']);
      const record = await controller.run({
        ...request(['a', 'b', 'c']),
        options: { samples: 2 },
        schedule: [['a', 'b'], ['c']],
      });
      expect(record?.status).toBe('done');
      expect(violations).toEqual([]);
      const at = (entry: string) => log.indexOf(entry);
      expect(at('unload a')).toBeGreaterThan(at('end a'));
      expect(at('unload b')).toBeGreaterThan(at('end b'));
      expect(at('unload a')).toBeLessThan(at('start c'));
      expect(at('unload b')).toBeLessThan(at('start c'));
      expect(at('unload c')).toBeGreaterThan(at('end c'));
    });

    it('unloads nothing when the whole pool fits in one stage', async () => {
      const { controller, log } = tracked(['a', 'b']);
      await controller.run({ ...request(['a', 'b']), schedule: [['a', 'b']] });
      expect(log.filter((entry) => entry.startsWith('unload'))).toEqual([]);
      expect(log).toContain('end a');
    });
  });
});
