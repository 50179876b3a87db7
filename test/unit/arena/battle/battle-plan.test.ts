// Which battle comes next: contestant groups, the pair, and the recorded problems recorded models can answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findProblem,
  initialContestants,
  loneContestants,
  planPair,
  problemFor,
  problemsOffered,
  recordedProblems,
} from '../../../../src/arena/battle/battle-plan.js';
import { GSM8K_RECORDED_MODELS } from '../../../../src/models/list/recorded-models.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';

const COLUMNS = GSM8K_RECORDED_MODELS.map((m) =>
  m.recording.kind === 'gsm8k' ? m.recording.column : '',
);

const row = (question: string, columns: readonly string[]) =>
  JSON.stringify({
    question,
    ...Object.fromEntries(columns.map((c) => [c, { solution: `${c} says 4`, is_correct: true }])),
  });

describe('initialContestants', () => {
  it('starts live with two live models, recorded with fewer (nothing downloaded yet)', () => {
    expect(initialContestants({ live: 4, recorded: 4 }, null, false)).toBe('live');
    expect(initialContestants({ live: 1, recorded: 4 }, null, false)).toBe('recorded');
    expect(initialContestants({ live: 0, recorded: 0 }, null, false)).toBe('live');
  });

  it('follows the URL and a recorded pair asked for, when that group has two models', () => {
    expect(initialContestants({ live: 4, recorded: 4 }, 'recorded', false)).toBe('recorded');
    expect(initialContestants({ live: 4, recorded: 4 }, null, true)).toBe('recorded');
    expect(initialContestants({ live: 1, recorded: 4 }, 'live', false)).toBe('recorded');
    expect(initialContestants({ live: 4, recorded: 1 }, 'recorded', true)).toBe('live');
  });
});

describe('planPair', () => {
  const ids = ['x', 'y', 'z'];

  it('takes the pair asked for when both are in the group, else an informative one', () => {
    expect(planPair(ids, ['z', 'x'], [], 1)).toEqual(['z', 'x']);
    const other = planPair(ids, ['z', 'recorded-gsm8k-6b-finetuned'], [], 1);
    expect(other).toHaveLength(2);
    expect(other!.every((id) => ids.includes(id))).toBe(true);
    expect(planPair(['x'], null, [], 1)).toBeNull();
  });

  it('picks a pair that has not battled yet over one that has', () => {
    const vote = (a: string, b: string): Vote => ({
      a,
      b,
      winner: 'tie',
      source: 'human',
      at: '2026-11-30T04:00:00.000Z',
    });
    const votes = [vote('x', 'y'), vote('x', 'y'), vote('y', 'z'), vote('y', 'z')];
    for (const seed of [1, 2, 3])
      expect(planPair(ids, null, votes, seed)?.sort()).toEqual(['x', 'z']);
  });
});

describe('planPair with kinds', () => {
  const kindOf = (id: string) => (id.startsWith('sim') ? 'simulated' : 'live');
  const ids = ['sim-a', 'sim-b', 'remote-a', 'remote-b', 'builtin'];

  it('never pairs a simulated model with one answering for real', () => {
    const pairs = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const pair = planPair(ids, null, [], seed, kindOf)!;
      expect(kindOf(pair[0])).toBe(kindOf(pair[1]));
      pairs.add(kindOf(pair[0]));
    }
    expect(pairs).toEqual(new Set(['simulated', 'live']));
  });

  it('takes the kind whose best pair tells more, and the pair asked for whatever its kinds', () => {
    const tie = (a: string, b: string): Vote => ({
      a,
      b,
      winner: 'tie',
      source: 'human',
      at: '2026-11-30T04:00:00.000Z',
    });
    const votes = [tie('sim-a', 'sim-b'), tie('sim-a', 'sim-b')];
    for (const seed of [1, 2, 3])
      expect(kindOf(planPair(ids, null, votes, seed, kindOf)![0])).toBe('live');
    expect(planPair(ids, ['sim-a', 'builtin'], votes, 1, kindOf)).toEqual(['sim-a', 'builtin']);
    expect(planPair(['sim-a', 'remote-a'], null, [], 1, kindOf)).toBeNull();
  });

  it('names a model alone of its kind: the one no battle is planned for', () => {
    expect(loneContestants(['sim-a', 'sim-b', 'remote-a'], kindOf)).toEqual(['remote-a']);
    expect(loneContestants(ids, kindOf)).toEqual([]);
    expect(loneContestants(['remote-a'], kindOf)).toEqual([]);
  });
});

describe('recordedProblems', () => {
  it('keeps the problems every recorded model answered, and skips damaged lines', () => {
    const text = [
      row('What is 2 + 2?', COLUMNS),
      row('Only some answered this', COLUMNS.slice(0, 2)),
      '{not json',
      '',
      JSON.stringify({ question: 7 }),
      row('What is 3 + 1?', COLUMNS),
    ].join('\n');
    expect(recordedProblems(text, COLUMNS)).toEqual(['What is 2 + 2?', 'What is 3 + 1?']);
  });

  it('finds all 1,319 GSM8K test problems in the shipped recording', () => {
    const text = readFileSync('public/eval/gsm8k-recorded-solutions.jsonl', 'utf8');
    const problems = recordedProblems(text, COLUMNS);
    expect(problems).toHaveLength(1319);
    expect(problems[0]).toMatch(/^Janet’s ducks lay 16 eggs/);
  });
});

describe('recorded problems for a battle', () => {
  const problems = ['Tom has  3 apples. How many?', 'A train leaves at 9.', 'Sam buys 4 pens.'];

  it('recognises a problem whatever its whitespace, and nothing else', () => {
    expect(findProblem('  Tom has 3 apples.\nHow many? ', problems)).toBe(problems[0]);
    expect(findProblem('Tom has 3 apples.', problems)).toBeNull();
    expect(findProblem('Write a poem', problems)).toBeNull();
  });

  it('picks a problem by seed: the same seed, the same problem', () => {
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => problemFor(problems, seed)));
    expect(picks.size).toBeGreaterThan(1);
    for (const pick of picks) expect(problems).toContain(pick);
    expect(problemFor(problems, 9)).toBe(problemFor(problems, 9));
    expect(problemFor([], 9)).toBeNull();
  });

  it('offers a seeded handful in file order', () => {
    const many = Array.from({ length: 100 }, (_, i) => `Problem ${i}`);
    const offered = problemsOffered(many, 12, 5);
    expect(offered).toHaveLength(12);
    expect(new Set(offered).size).toBe(12);
    expect(offered).toEqual([...offered].sort((x, y) => many.indexOf(x) - many.indexOf(y)));
    expect(problemsOffered(many, 12, 5)).toEqual(offered);
    expect(problemsOffered(many, 12, 6)).not.toEqual(offered);
  });
});
