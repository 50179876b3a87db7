// From a run's stored answers to per-answerer outcomes over the questions every answerer finished.
import type { AnswererOutcomes } from '../stats/summarise.js';
import type { LabAnswerRecord, LabRunRecord } from '../run/lab-records.js';

/** The answerers of a run, singles in pool order then the modes, with how results name them. */
export function answerersOf(
  run: LabRunRecord,
): { id: string; kind: 'single' | 'fusion'; label: string }[] {
  return [
    ...run.pool.map((m) => ({ id: m.id, kind: 'single' as const, label: m.label })),
    ...run.modes.map((mode) => ({ id: mode, kind: 'fusion' as const, label: MODE_NAMES[mode] })),
  ];
}

/** Each fusion mode's name in the lab's results. */
export const MODE_NAMES: Record<LabRunRecord['modes'][number], string> = {
  vote: 'Vote',
  'best-of': 'Best-of',
  merge: 'Merge',
  debate: 'Debate',
};

/** One question of a run with every answer to it, for the drill-down and the per-question export. */
export interface QuestionRow {
  /** Position in the run. */
  position: number;
  /** Index of the question in its task set (0-based). */
  index: number;
  answers: Record<string, LabAnswerRecord>;
}

/** A run's outcomes over the questions every answerer finished. */
export interface LabOutcomes {
  /** Questions every answerer has an answer to, in run order: the paired statistics use only these. */
  rows: QuestionRow[];
  /** Questions some answerer is still missing (a run stopped or still going). */
  unfinished: number;
  answerers: AnswererOutcomes[];
}

/** Builds the outcomes; answers of unknown answerers or positions are ignored. */
export function labOutcomes(run: LabRunRecord, answers: readonly LabAnswerRecord[]): LabOutcomes {
  const who = answerersOf(run);
  const byPosition = new Map<number, Record<string, LabAnswerRecord>>();
  for (const answer of answers) {
    if (answer.position < 0 || answer.position >= run.questions.length) continue;
    const row = byPosition.get(answer.position) ?? {};
    row[answer.answerer] = answer;
    byPosition.set(answer.position, row);
  }
  const rows: QuestionRow[] = [];
  let unfinished = 0;
  run.questions.forEach((index, position) => {
    const row = byPosition.get(position);
    if (row && who.every((w) => row[w.id])) rows.push({ position, index, answers: row });
    else unfinished++;
  });
  const outcomes = who.map((w) => ({
    ...w,
    correct: Uint8Array.from(rows, (r) => (r.answers[w.id]!.correct ? 1 : 0)),
    tokens: Float64Array.from(rows, (r) => r.answers[w.id]!.tokens),
    ms: Float64Array.from(rows, (r) => r.answers[w.id]!.ms),
    failed: Uint8Array.from(rows, (r) => (answerFailed(r.answers[w.id]!) ? 1 : 0)),
  }));
  return { rows, unfinished, answerers: outcomes };
}

/**
 * Whether an answer failed (the model or mode gave an error, so there is nothing to grade) rather than
 * being wrong. A failure still counts as wrong in the accuracy; the results say how many failed.
 */
export function answerFailed(answer: Pick<LabAnswerRecord, 'error' | 'correct'>): boolean {
  return answer.error !== null && !answer.correct;
}

/** "Right", "Wrong" or "Failed": how the drill-down marks one answer. */
export function answerMark(answer: LabAnswerRecord | undefined): 'Right' | 'Wrong' | 'Failed' {
  if (!answer) return 'Wrong';
  return answer.correct ? 'Right' : answerFailed(answer) ? 'Failed' : 'Wrong';
}
