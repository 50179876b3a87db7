// Judge votes from best-of runs: decided pairs only, never self-judged ones, stored once.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/db/open-database.js';
import { judgeVotesOfRun, syncJudgeVotes } from '../../../../src/arena/votes/judge-votes.js';
import { readVotes } from '../../../../src/arena/votes/vote-store.js';
import type { RunRecord } from '../../../../src/fusion/history/run-record.js';
import type { BestOfTrace, PairResult } from '../../../../src/fusion/modes/trace.js';

const answer = { value: null, kind: 'free' } as never;
const pair = (
  a: string,
  b: string,
  outcome: PairResult['outcome'],
  winner: string | null,
  selfJudged = false,
): PairResult => ({
  a,
  b,
  orders: [],
  outcome,
  winner,
  selfJudged,
  note: '',
});

function bestOfRun(id: string, pairs: PairResult[]): RunRecord {
  const trace: BestOfTrace = {
    mode: 'best-of',
    questionKind: 'free' as never,
    notes: [],
    candidates: [
      { label: 'Response 1', memberId: 'm-one', text: 'short', answer },
      { label: 'Response 2', memberId: 'm-two', text: 'a longer answer', answer },
      { label: 'Response 3', memberId: 'm-three', text: 'mid size', answer },
    ],
    pairs,
    ranking: [],
    fallback: null,
  };
  return {
    id,
    mode: 'best-of',
    prompt: 'Which is best?',
    history: [],
    poolIds: ['m-one', 'm-two', 'm-three'],
    judgeId: 'm-judge',
    options: {},
    answers: [],
    finalAnswer: 'short',
    trace,
    cost: null,
    status: 'done',
    createdAt: 1_000,
    finishedAt: Date.UTC(2026, 10, 27),
  };
}

describe('judgeVotesOfRun', () => {
  it('turns wins and ties into judge votes and leaves out undecided and self-judged pairs', () => {
    const run = bestOfRun('r1', [
      pair('Response 1', 'Response 2', 'win', 'Response 2'),
      pair('Response 1', 'Response 3', 'tie', null),
      pair('Response 2', 'Response 3', 'no-verdict', null),
      pair('Response 2', 'Response 3', 'win', 'Response 3', true),
    ]);
    expect(judgeVotesOfRun(run)).toEqual([
      {
        a: 'm-one',
        b: 'm-two',
        winner: 'b',
        source: 'judge',
        at: '2026-11-27T00:00:00.000Z',
        prompt: 'Which is best?',
        lengthA: 5,
        lengthB: 15,
      },
      expect.objectContaining({ a: 'm-one', b: 'm-three', winner: 'tie', source: 'judge' }),
    ]);
  });

  it('gives nothing for an unfinished run or another mode', () => {
    const run = bestOfRun('r2', [pair('Response 1', 'Response 2', 'win', 'Response 1')]);
    expect(judgeVotesOfRun({ ...run, finishedAt: null })).toEqual([]);
    expect(judgeVotesOfRun({ ...run, trace: null })).toEqual([]);
  });
});

describe('syncJudgeVotes', () => {
  it('stores the judge votes of stored best-of runs once, however often it runs', async () => {
    const db = await openDatabase({ name: `judge-${crypto.randomUUID()}` });
    await db.put('runs', bestOfRun('r1', [pair('Response 1', 'Response 2', 'win', 'Response 1')]));
    await db.put('runs', { ...bestOfRun('r2', []), mode: 'vote', trace: null });
    expect(await syncJudgeVotes(db)).toEqual({ added: 1, duplicates: 0 });
    expect(await syncJudgeVotes(db)).toEqual({ added: 0, duplicates: 1 });
    const stored = await readVotes(db);
    expect(stored.map((v) => [v.a, v.b, v.winner, v.source])).toEqual([
      ['m-one', 'm-two', 'a', 'judge'],
    ]);
  });
});
