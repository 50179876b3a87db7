// Folding fusion events into the studio's columns, immutably, and back into member answers.
import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../../src/models/model-client.js';
import {
  applyEvent,
  emptyRun,
  liveAnswers,
  segmentFigures,
} from '../../../../src/fusion/studio/studio-state.js';

const facts = (id: string) => ({ label: `Label ${id}`, simulated: true });
const usage: Usage = {
  promptTokens: 12,
  completionTokens: 40,
  timeToFirstTokenMs: 150,
  prefillTokensPerS: 300,
  decodeTokensPerS: 80,
  totalMs: 650,
};

describe('applyEvent', () => {
  it('keeps the streamed text as written and, once done, the answer and the reasoning apart', () => {
    let run = emptyRun([{ id: 'a', label: 'A', simulated: true }]);
    run = applyEvent(run, { type: 'member-start', memberId: 'a', tag: 's' }, 0, facts);
    run = applyEvent(
      run,
      { type: 'member-delta', memberId: 'a', tag: 's', text: '<think>plan</think>Ans' },
      5,
      facts,
    );
    expect(liveAnswers(run)[0]).toMatchObject({ text: 'Ans', reasoning: 'plan' });
    run = applyEvent(
      run,
      { type: 'member-done', memberId: 'a', tag: 's', text: 'Answer', reasoning: 'plan', usage },
      9,
      facts,
    );
    expect(run.columns[0]?.segments[0]).toMatchObject({ text: 'Answer', reasoning: 'plan' });
    expect(liveAnswers(run)[0]).toMatchObject({ text: 'Answer', reasoning: 'plan' });
  });

  it('appends deltas to the member column and leaves other columns untouched (same object)', () => {
    let run = emptyRun([
      { id: 'a', label: 'A', simulated: true },
      { id: 'b', label: 'B', simulated: false },
    ]);
    run = applyEvent(run, { type: 'member-start', memberId: 'a', tag: 'sample 1' }, 100, facts);
    const untouched = run.columns[1];
    run = applyEvent(
      run,
      { type: 'member-delta', memberId: 'a', tag: 'sample 1', text: 'Hel' },
      140,
      facts,
    );
    run = applyEvent(
      run,
      { type: 'member-delta', memberId: 'a', tag: 'sample 1', text: 'lo' },
      160,
      facts,
    );
    expect(run.columns[0]?.segments[0]).toMatchObject({
      text: 'Hello',
      pieces: 2,
      firstTextAt: 140,
    });
    expect(run.columns[1]).toBe(untouched);
  });

  it('opens a judge column on the first judge call and records failures with their error', () => {
    let run = emptyRun([{ id: 'a', label: 'A', simulated: true }]);
    run = applyEvent(run, { type: 'judge-start', judgeId: 'j', tag: 'A vs B' }, 0, facts);
    run = applyEvent(
      run,
      {
        type: 'judge-failed',
        judgeId: 'j',
        tag: 'A vs B',
        error: { kind: 'timeout', message: 'slow' },
      },
      10,
      facts,
    );
    const judge = run.columns.find((c) => c.key === 'judge:j');
    expect(judge?.label).toBe('Label j');
    expect(judge?.segments[0]).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('keeps the phase detail for the status line', () => {
    const run = applyEvent(
      emptyRun([]),
      { type: 'phase', phase: 'judging', detail: 'Judging 3 pairs' },
      0,
      facts,
    );
    expect(run.phaseDetail).toBe('Judging 3 pairs');
  });
});

describe('liveAnswers and segmentFigures', () => {
  it('lists members’ partial answers but not judges’ for a run saved mid-way', () => {
    let run = emptyRun([{ id: 'a', label: 'A', simulated: true }]);
    run = applyEvent(run, { type: 'member-start', memberId: 'a', tag: 'sample 1' }, 0, facts);
    run = applyEvent(
      run,
      { type: 'member-delta', memberId: 'a', tag: 'sample 1', text: 'half' },
      5,
      facts,
    );
    run = applyEvent(run, { type: 'judge-start', judgeId: 'j', tag: 'A vs B' }, 6, facts);
    expect(liveAnswers(run)).toEqual([
      {
        memberId: 'a',
        label: 'A',
        simulated: true,
        text: 'half',
        usage: null,
        error: null,
        tag: 'sample 1',
      },
    ]);
  });

  it('uses the engine’s figures once reported, and live estimates before', () => {
    let run = emptyRun([{ id: 'a', label: 'A', simulated: true }]);
    run = applyEvent(run, { type: 'member-start', memberId: 'a', tag: 's' }, 1000, facts);
    for (let i = 0; i < 10; i++)
      run = applyEvent(
        run,
        { type: 'member-delta', memberId: 'a', tag: 's', text: 'x' },
        1200 + i * 100,
        facts,
      );
    const live = segmentFigures(run.columns[0]!.segments[0]!, 2200);
    expect(live).toMatchObject({ tokens: 10, exact: false, firstTokenMs: 200 });
    expect(live.tokensPerS).toBeCloseTo(10, 5);
    run = applyEvent(
      run,
      { type: 'member-done', memberId: 'a', tag: 's', text: 'x'.repeat(10), usage },
      2300,
      facts,
    );
    expect(segmentFigures(run.columns[0]!.segments[0]!, 9999)).toEqual({
      tokens: 40,
      exact: true,
      firstTokenMs: 150,
      tokensPerS: 80,
    });
  });
});
