// The studio's choices before a run: the suggested mode, honest mode notes, pool checks and options.
import { describe, expect, it } from 'vitest';
import {
  BUDGET_CONTROL,
  DEFAULT_MODE_SETTINGS,
  MODES,
  MODE_NOTES,
  debateProblem,
  judgeProblem,
  needsJudge,
  optionsFor,
  planLine,
  poolProblem,
  strongestId,
  suggestMode,
  thinkingOptions,
} from '../../../../src/fusion/studio/studio-setup.js';

describe('suggestMode', () => {
  it('suggests vote for arithmetic, multiple choice and yes/no questions', () => {
    expect(suggestMode('What is 17 * 23?')).toBe('vote');
    expect(suggestMode('Which is a prime?\nA) 4\nB) 7\nC) 9')).toBe('vote');
    expect(suggestMode('Is 91 a prime number?')).toBe('vote');
  });

  it('suggests merge for open questions', () => {
    expect(suggestMode('Explain how a B-tree keeps itself balanced.')).toBe('merge');
  });
});

describe('mode notes', () => {
  it('has an honest note for every mode, with the small-model warnings', () => {
    for (const mode of MODES) expect(MODE_NOTES[mode].length).toBeGreaterThan(40);
    expect(MODE_NOTES['best-of']).toMatch(/both orders/);
    expect(MODE_NOTES.debate).toMatch(/round 0/);
  });

  it('asks for a judge only in best-of and merge', () => {
    expect(MODES.filter(needsJudge)).toEqual(['best-of', 'merge']);
  });
});

describe('strongestId', () => {
  it('picks the largest model, the first listed on ties, unknown sizes last', () => {
    expect(
      strongestId([
        { id: 'a', paramsB: null },
        { id: 'b', paramsB: 1.5 },
        { id: 'c', paramsB: 3 },
        { id: 'd', paramsB: 3 },
      ]),
    ).toBe('c');
    expect(strongestId([])).toBeNull();
  });

  it('never picks a recorded model, which can only replay answers, to judge', () => {
    expect(
      strongestId([
        { id: 'small', paramsB: 0.5, engine: 'sim' },
        { id: 'gpt-3-175b', paramsB: 175, engine: 'recorded' },
      ]),
    ).toBe('small');
  });
});

describe('poolProblem', () => {
  const name = (id: string) => `Model ${id.toUpperCase()}`;

  it('needs two to six models', () => {
    expect(poolProblem(['a'], [], 900, name)?.text).toMatch(/at least 2/);
    expect(poolProblem(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [], 900, name)?.text).toMatch(
      /at most 6/,
    );
    expect(poolProblem(['a', 'b'], [], 900, name)).toBeNull();
  });

  it('names a pool member the usable memory cannot hold by its label, and links to the budget', () => {
    const problem = poolProblem(
      ['a', 'big'],
      [{ id: 'big', vramMB: 950, cause: 'memory' as const, why: '' }],
      921.6,
      name,
    );
    expect(problem?.text).toBe(
      'Model BIG needs 950 MB of GPU memory, more than the 922 MB usable here. Remove it from the pool, or raise the GPU budget.',
    );
    expect(problem?.link).toEqual(BUDGET_CONTROL);
  });

  it('names several such members in one sentence, and ignores those outside the pool', () => {
    const memory = (id: string, vramMB: number) => ({
      id,
      vramMB,
      cause: 'memory' as const,
      why: '',
    });
    const unfit = [memory('b', 950), memory('c', 1630), memory('outside', 4000), memory('b', 950)];
    expect(poolProblem(['a', 'b', 'c'], unfit, 922, name)?.text).toBe(
      'Model B (950 MB) and Model C (1630 MB) each need more GPU memory than the 922 MB usable here. Remove them from the pool, or raise the GPU budget.',
    );
  });

  const tooLargeForGpu =
    'Too large for this GPU: its library needs storage buffers of 250 MB, and this GPU allows 128 MB (maxStorageBufferBindingSize).';

  it('names a pool member this GPU cannot run at all, with the reason and no budget link or advice', () => {
    const gemma = { id: 'gemma', vramMB: 1900, cause: 'gpu' as const, why: tooLargeForGpu };
    const problem = poolProblem(['a', 'gemma'], [gemma], 3000, name);
    expect(problem?.text).toBe(
      `Model GEMMA cannot run here. ${tooLargeForGpu} Remove it from the pool.`,
    );
    expect(problem?.link).toBeUndefined();
    expect(problem?.text).not.toMatch(/budget/);
  });

  it('keeps the budget link for the members a larger budget could fit, beside one the GPU cannot run', () => {
    const unfit = [
      {
        id: 'gemma',
        vramMB: 1900,
        cause: 'gpu' as const,
        why: 'No WebGPU adapter on this device.',
      },
      { id: 'big', vramMB: 950, cause: 'memory' as const, why: '' },
    ];
    const problem = poolProblem(['a', 'gemma', 'big'], unfit, 921.6, name);
    expect(problem?.text).toBe(
      'Model GEMMA cannot run here. No WebGPU adapter on this device. Remove it from the pool. Model BIG needs 950 MB of GPU memory, more than the 922 MB usable here. Remove it from the pool, or raise the GPU budget.',
    );
    expect(problem?.link).toEqual(BUDGET_CONTROL);
  });
});

describe('judgeProblem', () => {
  const name = (id: string) => `Model ${id}`;
  const models = [
    { id: 'small', paramsB: 0.5, engine: 'sim' },
    { id: 'gpt-3', paramsB: 175, engine: 'recorded' },
  ];

  it('never lets a recorded model judge or aggregate a run', () => {
    expect(judgeProblem('best-of', 'gpt-3', models, name)?.text).toBe(
      'Model gpt-3 replays recorded answers and cannot judge: pick another judge.',
    );
    expect(judgeProblem('merge', 'gpt-3', models, name)?.text).toContain('cannot aggregate');
  });

  it('says so when nothing in the pool can judge', () => {
    expect(judgeProblem('best-of', null, models, name)?.text).toMatch(
      /^Best-of needs a judge, and recorded answers cannot judge/,
    );
  });

  it('lets any other model judge, and modes without a judge run', () => {
    expect(judgeProblem('best-of', 'small', models, name)).toBeNull();
    expect(judgeProblem('vote', null, models, name)).toBeNull();
    expect(judgeProblem('debate', null, models, name)).toBeNull();
  });
});

describe('debateProblem', () => {
  const name = (id: string) => `Model ${id}`;
  const models = [
    { id: 'small', paramsB: 0.5, engine: 'sim' },
    { id: 'tiny', paramsB: 0.36, engine: 'sim' },
    { id: '6b', paramsB: 6, engine: 'recorded' },
    { id: '175b', paramsB: 175, engine: 'recorded' },
  ];

  it('refuses a debate with a recorded member, which can only replay one answer, and names each', () => {
    expect(debateProblem('debate', ['small', '6b'], models, name)?.text).toBe(
      "Debate needs models that read each other's answers and revise, and recorded answers cannot debate: take Model 6b out of the pool, or pick another mode.",
    );
    expect(debateProblem('debate', ['6b', '175b'], models, name)?.text).toContain(
      'take Model 6b and Model 175b out of the pool',
    );
  });

  it('lets models that are not recorded debate, and recorded ones vote', () => {
    expect(debateProblem('debate', ['small', 'tiny'], models, name)).toBeNull();
    expect(debateProblem('vote', ['6b', '175b'], models, name)).toBeNull();
  });
});

describe('optionsFor', () => {
  it('passes the longest-answer setting to every mode, and only the settings the mode uses', () => {
    const settings = { ...DEFAULT_MODE_SETTINGS, maxTokens: 5000 };
    for (const mode of MODES) expect(optionsFor(mode, settings).maxTokens).toBe(5000);
    expect(optionsFor('merge', settings)).toEqual({ temperature: 0.7, maxTokens: 5000 });
  });

  it('sends a thinking choice for each switchable pool member, on unless switched off; judges off', () => {
    const pool = ['sim-steady-1.5B', 'Qwen3-0.6B-q4f32_1-MLC', 'sim-tiny-360M'];
    expect(thinkingOptions(pool, new Set(['Qwen3-0.6B-q4f32_1-MLC']), false)).toEqual({
      thinking: { 'sim-steady-1.5B': true, 'Qwen3-0.6B-q4f32_1-MLC': false },
      judgeThinking: false,
    });
    expect(thinkingOptions(['sim-tiny-360M'], new Set(), true)).toEqual({
      thinking: {},
      judgeThinking: true,
    });
  });
});

describe('planLine', () => {
  const stage = (ids: string[], totalMB: number) => ({ modelIds: ids, totalMB, models: [] });
  const plan = (stages: ReturnType<typeof stage>[], concurrent = true) => ({
    stages,
    concurrent,
    unfit: [],
    usableMB: 3686,
    notes: [],
  });

  it('says how much GPU memory a pool run at the same time takes', () => {
    expect(planLine(plan([stage(['a', 'b'], 1330)]))).toBe(
      'All 2 run at the same time (1330 MB of 3686 MB usable).',
    );
  });

  it('says a pool of recorded models and servers needs no GPU memory here, not "0 MB of 3686 MB"', () => {
    const line = planLine(plan([stage(['r1', 'r2', 'r3', 'r4'], 0)]));
    expect(line).toBe('All 4 run at the same time; none of them needs GPU memory on this device.');
    expect(line).not.toMatch(/0 MB/);
  });

  it('counts the stages of a pool that does not fit at once, and says when nothing is picked', () => {
    expect(planLine(plan([stage(['a'], 2000), stage(['b'], 3000)], false))).toBe(
      'They run in 2 stages, one after another (3686 MB usable):',
    );
    expect(planLine(plan([]))).toBe('Nothing to run yet.');
  });
});
