// A small finished lab run for the results tests: two models and vote on three questions.
import type { LabAnswerRecord, LabRunRecord } from '../../../../src/lab/run/lab-records.js';

export const RUN: LabRunRecord = {
  id: 'run-1',
  createdAt: Date.UTC(2026, 10, 30),
  updatedAt: 0,
  status: 'done',
  taskSet: { id: 'gsm8k-test', name: 'GSM8K test', source: 'Cobbe et al. 2021', size: 1319 },
  questions: [4, 10, 20],
  subset: { size: 3, seed: 1 },
  pool: [
    { id: 'a', label: 'Model A (recorded)', simulated: false, recorded: true },
    { id: 'b', label: 'Model B', simulated: false, recorded: false },
  ],
  modes: ['vote'],
  accuracy: {},
  replay: 'instant',
};

export function answer(
  position: number,
  answerer: string,
  correct: boolean,
  text: string | null = `A: ${correct ? 1 : 2}`,
): LabAnswerRecord {
  return {
    runId: RUN.id,
    position,
    answerer,
    text,
    extracted: text === null ? null : correct ? '1' : '2',
    correct,
    tokens: 10,
    ms: 1000,
    error: null,
    decision: answerer === 'vote' ? 'A agreed most.' : null,
  };
}

/** a: right on 0, 1; b: right on 1; vote: right on all three. */
export const ANSWERS: LabAnswerRecord[] = [
  answer(0, 'a', true),
  answer(0, 'b', false),
  answer(0, 'vote', true),
  answer(1, 'a', true),
  answer(1, 'b', true),
  answer(1, 'vote', true),
  answer(2, 'a', false),
  answer(2, 'b', false, null),
  answer(2, 'vote', true),
];
