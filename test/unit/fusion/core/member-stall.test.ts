// A pool member that stops producing tokens: dropped at the fusion-time limit (not the worker's 2 min), or skipped by the visitor.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FusionEvent } from '../../../../src/fusion/core/events.js';
import {
  MEMBER_STALL_MS,
  MemberSkips,
  isSkipped,
} from '../../../../src/fusion/core/member-stall.js';
import type { VoteTrace } from '../../../../src/fusion/modes/trace.js';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { applyEvent, emptyRun, silenceOf } from '../../../../src/fusion/studio/studio-state.js';
import { ScriptedClient, type ScriptedOptions } from '../scripted-client.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A member whose load takes `loadMs` (a real model compiling), then answers as scripted. */
class SlowLoading extends ScriptedClient {
  constructor(
    options: ScriptedOptions,
    private readonly loadMs: number,
  ) {
    super(options);
  }
  override async load(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.loadMs));
  }
}

const answering = (id: string) => new ScriptedClient({ id, script: ['Answer: 4'] });
const hung = (id: string) => new ScriptedClient({ id, script: [{ hang: true }] });

describe('a pool member that stops producing tokens', () => {
  it('is dropped after the fusion-time limit of 30 s, far below the worker’s 120 s, and the others decide', async () => {
    expect(MEMBER_STALL_MS).toBe(30_000);
    vi.useFakeTimers();
    const pool = [answering('a'), hung('swift'), answering('c')];
    let settled = false;
    const run = runFusion({ mode: 'vote', prompt: 'What is 2 + 2?', pool }).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(MEMBER_STALL_MS - 1_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.status).toBe('done');
    expect(result.answers.find((a) => a.memberId === 'swift')?.error).toMatchObject({
      kind: 'timeout',
      detail: 'No text for 30 s',
      // The visitor reads the limit itself, not just "longer than this run allows".
      message: expect.stringContaining('30 s') as unknown,
    });
    expect((result.trace as VoteTrace).decision?.winnerAnswer).toBe('4');
    expect(result.trace.notes[0]).toBe(
      '2 of 3 models answered; swift failed: it stopped responding.',
    );
  });

  it('counts no silence while the member loads', async () => {
    const pool = [new SlowLoading({ id: 'slow', script: ['Answer: 4'] }, 120), answering('b')];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 2 + 2?',
      pool,
      options: { memberStallMs: 60, samples: 1 },
    });
    expect(result.answers.every((a) => a.error === null)).toBe(true);
    expect(result.trace.notes.some((note) => /answered;/.test(note))).toBe(false);
  });

  it('is dropped at once when the visitor skips it; the others decide and the trace says it was skipped', async () => {
    const skips = new MemberSkips();
    const events: FusionEvent[] = [];
    const pool = [answering('a'), hung('swift'), answering('c')];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 2 + 2?',
      pool,
      skips,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'member-ready' && event.memberId === 'swift') skips.skip('swift');
      },
    });
    expect(result.status).toBe('done');
    const skipped = result.answers.filter((a) => a.memberId === 'swift');
    expect(skipped).toHaveLength(1);
    expect(isSkipped(skipped[0]!.error)).toBe(true);
    // Asked once; its later samples are not asked at all.
    expect(pool[1]!.calls).toHaveLength(1);
    expect((result.trace as VoteTrace).decision?.winnerAnswer).toBe('4');
    expect(result.trace.notes[0]).toBe('2 of 3 models answered; swift was skipped.');
  });

  it('shows its silence from the moment it is asked, not while it loads, and none once it ended', () => {
    const facts = (id: string) => ({ label: id, simulated: true });
    let run = emptyRun([{ id: 'swift', label: 'Swift', simulated: true }]);
    run = applyEvent(run, { type: 'member-start', memberId: 'swift', tag: 'sample 1' }, 0, facts);
    expect(silenceOf(run.columns[0]!.segments[0]!, 9_000)).toBeNull();
    run = applyEvent(
      run,
      { type: 'member-ready', memberId: 'swift', tag: 'sample 1', stallMs: 30_000 },
      10_000,
      facts,
    );
    expect(silenceOf(run.columns[0]!.segments[0]!, 14_000)).toBe(4_000);
    const delta = { type: 'member-delta', memberId: 'swift', tag: 'sample 1', text: 'An' } as const;
    run = applyEvent(run, delta, 15_000, facts);
    expect(silenceOf(run.columns[0]!.segments[0]!, 16_500)).toBe(1_500);
    const error = { kind: 'timeout', message: 'silent' } as const;
    const failed = { type: 'member-failed', memberId: 'swift', tag: 'sample 1', error } as const;
    run = applyEvent(run, failed, 45_000, facts);
    expect(silenceOf(run.columns[0]!.segments[0]!, 50_000)).toBeNull();
  });
});
