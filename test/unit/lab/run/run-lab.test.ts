// The lab runner over scripted models: each model alone then each mode, grading, resume, failures, stop, ETA.
import { describe, expect, it } from 'vitest';
import { answerKey, runLab, type LabProgress } from '../../../../src/lab/run/run-lab.js';
import type { LabAnswerRecord, LabRunRecord } from '../../../../src/lab/run/lab-records.js';
import type { LabTask } from '../../../../src/lab/tasks/task-set.js';
import { ScriptedClient } from '../../fusion/scripted-client.js';

const tasks: LabTask[] = [
  { prompt: 'What is 2 + 2?', kind: 'number', answer: '4' },
  { prompt: 'What is 3 + 3?', kind: 'number', answer: '6' },
  { prompt: 'What is 5 + 5?', kind: 'number', answer: '10' },
];

const run = (overrides: Partial<LabRunRecord> = {}): LabRunRecord => ({
  id: 'run-1',
  createdAt: 0,
  updatedAt: 0,
  status: 'running',
  taskSet: { id: 'quick', name: 'Quick', source: 'test', size: 3 },
  questions: [0, 1, 2],
  subset: null,
  pool: [
    { id: 'right', label: 'Right', simulated: false, recorded: false },
    { id: 'wrong', label: 'Wrong', simulated: false, recorded: false },
  ],
  modes: ['vote'],
  accuracy: {},
  replay: 'instant',
  ...overrides,
});

/** Answers each question right (by its own arithmetic) or always one off. */
const solver = (id: string, offBy: number) =>
  new ScriptedClient({
    id,
    label: id === 'right' ? 'Right' : 'Wrong',
    script: (params) => {
      const [, a, b] = /(\d+) \+ (\d+)/.exec(params.messages.at(-1)?.content ?? '') ?? [];
      return {
        text: `Working.\nAnswer: ${Number(a) + Number(b) + offBy}`,
        usage: { completionTokens: 7 },
      };
    },
  });

async function collect(
  input: Partial<Parameters<typeof runLab>[0]> = {},
): Promise<{ answers: LabAnswerRecord[]; progress: LabProgress[]; complete: boolean }> {
  const answers: LabAnswerRecord[] = [];
  const progress: LabProgress[] = [];
  const complete = await runLab({
    run: run(),
    tasks,
    done: new Set(),
    pool: [solver('right', 0), solver('wrong', 1)],
    judge: null,
    singlesAtOnce: false,
    modeOptions: () => ({ samples: 1 }),
    signal: new AbortController().signal,
    onAnswer: (a) => answers.push(a),
    onProgress: (p) => progress.push(p),
    ...input,
  });
  return { answers, progress, complete };
}

describe('runLab', () => {
  it('asks each model alone and each mode per question, and grades every answer', async () => {
    const { answers, complete } = await collect();
    expect(complete).toBe(true);
    expect(answers.map((a) => `${a.position}:${a.answerer}:${a.extracted}:${a.correct}`)).toEqual([
      '0:right:4:true',
      '0:wrong:5:false',
      '0:vote:4:true',
      '1:right:6:true',
      '1:wrong:7:false',
      '1:vote:6:true',
      '2:right:10:true',
      '2:wrong:11:false',
      '2:vote:10:true',
    ]);
    expect(answers[0]).toMatchObject({ runId: 'run-1', tokens: 7, error: null, decision: null });
    // One sample each, and the two differ: no agreement to speak of, so the reason says so.
    expect(answers[2]?.decision).toMatch(/^No two answers agreed .*first in pool order/);
  });

  it('resumes: answers already stored are not asked again', async () => {
    const right = solver('right', 0);
    const done = new Set([
      answerKey(0, 'right'),
      answerKey(0, 'wrong'),
      answerKey(0, 'vote'),
      answerKey(1, 'right'),
    ]);
    const { answers, progress } = await collect({ done, pool: [right, solver('wrong', 1)] });
    expect(answers.map((a) => answerKey(a.position, a.answerer))).toEqual([
      '1:wrong',
      '1:vote',
      '2:right',
      '2:wrong',
      '2:vote',
    ]);
    // Right alone was asked for question 3 only; vote asked it for questions 2 and 3.
    expect(right.prompts.filter((p) => p.startsWith('What is 2 + 2?'))).toEqual([]);
    expect(progress[0]).toMatchObject({ question: 2, answersIn: 4, answersTotal: 9 });
    expect(progress.at(-1)).toMatchObject({ answersIn: 9, asking: null });
  });

  it('counts a failed model as a wrong answer with its classified error', async () => {
    const failing = new ScriptedClient({ id: 'wrong', script: [{ fail: 'not-recorded' }] });
    const { answers } = await collect({ pool: [solver('right', 0), failing] });
    expect(answers[1]).toMatchObject({
      answerer: 'wrong',
      text: null,
      extracted: null,
      correct: false,
      error: { kind: 'not-recorded' },
    });
    // The model's own reason, not the fused run's "every model failed" around it.
    expect(answers[1]?.error?.message).not.toMatch(/Every model failed/);
    // Vote still decides between the answers it has.
    expect(answers[2]).toMatchObject({ answerer: 'vote', correct: true });
  });

  it('a stop keeps what finished and hands on nothing interrupted', async () => {
    const abort = new AbortController();
    const slow = new ScriptedClient({ id: 'wrong', script: [{ text: 'Answer: 1', delayMs: 50 }] });
    const answers: LabAnswerRecord[] = [];
    const complete = await runLab({
      run: run(),
      tasks,
      done: new Set(),
      pool: [solver('right', 0), slow],
      judge: null,
      singlesAtOnce: false,
      modeOptions: () => ({ samples: 1 }),
      signal: abort.signal,
      onAnswer: (a) => {
        answers.push(a);
        if (a.answerer === 'right') abort.abort();
      },
    });
    expect(complete).toBe(false);
    expect(answers.map((a) => a.answerer)).toEqual(['right']);
  });

  it('estimates the time left from the pace of this session', async () => {
    let clock = 0;
    const { progress } = await collect({ now: () => (clock += 10) });
    const withEta = progress.filter((p) => p.etaMs !== null);
    expect(withEta.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.etaMs).toBe(0);
  });

  it("stores answers under the members' ids and breaks vote ties by their recorded accuracy", async () => {
    // Two models that each agree with themselves: the tie goes to the more accurate one.
    const answerA = new ScriptedClient({
      id: 'right#instant',
      label: 'Right',
      script: ['Answer: 1'],
    });
    const answerB = new ScriptedClient({
      id: 'wrong#instant',
      label: 'Wrong',
      script: ['Answer: 4'],
    });
    const { answers } = await collect({
      run: run({ questions: [0], accuracy: { right: 0.2, wrong: 0.9 } }),
      pool: [answerA, answerB],
    });
    expect(answers.map((a) => `${a.answerer}:${a.extracted}`)).toEqual([
      'right:1',
      'wrong:4',
      'vote:4',
    ]);
    expect(answers[2]?.decision).toMatch(
      /^No two answers agreed .*its recorded accuracy is the highest \(90%\)/,
    );
  });
});
