// The fusion schedule's own time: phases add up, parallel models overlap, one model's calls queue.
import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../src/models/model-client.js';
import { scheduleMs, type TimedEvent } from '../../bench/schedule-time.js';

const usage = (totalMs: number): Usage => ({
  promptTokens: 1,
  completionTokens: 1,
  timeToFirstTokenMs: 0,
  prefillTokensPerS: 0,
  decodeTokensPerS: 0,
  totalMs,
});
const done = (memberId: string, ms: number): TimedEvent => ({
  type: 'member-done',
  memberId,
  tag: 't',
  text: '',
  usage: usage(ms),
});
const phase: TimedEvent = { type: 'phase', phase: 'answering', detail: '' };

describe('scheduleMs', () => {
  it('takes the slowest member of a phase, not the sum of parallel members', () => {
    expect(scheduleMs([phase, done('a', 300), done('b', 500), done('c', 100)])).toBe(500);
  });

  it('queues one model’s calls within a phase', () => {
    expect(scheduleMs([phase, done('a', 300), done('a', 300), done('b', 500)])).toBe(600);
  });

  it('adds the judge’s own generation after the members’ phase', () => {
    const judged: TimedEvent[] = [
      phase,
      done('a', 400),
      done('b', 200),
      { type: 'phase', phase: 'judging', detail: '' },
      { type: 'judge-done', judgeId: 'b', tag: 'j1', text: '', usage: usage(150) },
      { type: 'judge-done', judgeId: 'b', tag: 'j2', text: '', usage: usage(150) },
    ];
    expect(scheduleMs(judged)).toBe(700);
  });

  it('adds judge calls one after another even when different models judge', () => {
    const judged: TimedEvent[] = [
      { type: 'phase', phase: 'judging', detail: '' },
      { type: 'judge-done', judgeId: 'a', tag: 'j1', text: '', usage: usage(150) },
      { type: 'judge-done', judgeId: 'b', tag: 'j2', text: '', usage: usage(100) },
    ];
    expect(scheduleMs(judged)).toBe(250);
  });

  it('is zero when nothing was generated', () => {
    expect(scheduleMs([phase])).toBe(0);
  });
});
