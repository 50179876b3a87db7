// One model call's limits: silence (stall) and total time, how a page freeze restarts them, and what a failed call still cost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callModel,
  receivedUsage,
  type CallOutcome,
} from '../../../../src/fusion/core/call-model.js';
import { ScriptedClient } from '../scripted-client.js';

const params = { messages: [{ role: 'user' as const, content: 'What is 17 * 23?' }] };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A client that stays silent for 120 ms, then answers. */
const late = () => new ScriptedClient({ id: 'a', script: [{ delayMs: 120, text: 'late' }] });

async function run(resumeEveryMs: number | null): Promise<{ outcome: CallOutcome; left: number }> {
  const listeners = new Set<() => void>();
  const onResume = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const call = callModel(late(), params, {
    signal: new AbortController().signal,
    stallMs: 60,
    timeoutMs: 90,
    onDelta: () => undefined,
    onResume,
  });
  for (let t = 0; t < 200; t += 10) {
    if (resumeEveryMs !== null && t % resumeEveryMs === 0) for (const l of listeners) l();
    await vi.advanceTimersByTimeAsync(10);
  }
  return { outcome: await call, left: listeners.size };
}

describe('callModel', () => {
  it('fails a call that stays silent past its stall limit as a timeout', async () => {
    const { outcome } = await run(null);
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'timeout', detail: 'No text for 0.06 s' },
    });
  });

  it('starts its limits over when the page resumes after a freeze, and unsubscribes at the end', async () => {
    const { outcome, left } = await run(40);
    expect(outcome).toMatchObject({ ok: true, text: 'late' });
    expect(left).toBe(0);
  });

  it('counts what streamed before a failure as estimated output tokens, and nothing when nothing came', async () => {
    vi.useRealTimers();
    const limits = { signal: new AbortController().signal, onDelta: () => undefined };
    const cut = new ScriptedClient({
      id: 'a',
      script: [{ text: 'Half an answer', fail: 'server-error' }],
    });
    const outcome = await callModel(cut, params, limits);
    expect(outcome).toMatchObject({
      ok: false,
      text: 'Half an',
      // Its prompt tokens: an estimate from the prompt's 16 characters, as a server's are.
      usage: { promptTokens: 4, completionTokens: 1, estimated: true },
    });
    const silent = new ScriptedClient({ id: 'b', script: [{ fail: 'server-error' }] });
    // Its one piece is empty: nothing arrived, so nothing is counted.
    expect(await callModel(silent, params, limits)).toMatchObject({ ok: false, usage: null });
    expect(receivedUsage(0)).toBeNull();
  });
});
