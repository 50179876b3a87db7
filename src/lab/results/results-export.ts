// The lab's results as files: JSON in the "quorum-lab-results" v1 shape, and the per-question table as CSV.
import type { Comparison } from '../stats/compare.js';
import type { ResultEntry } from '../stats/summarise.js';
import type { Verdict } from '../stats/verdict.js';
import type { LabAnswerRecord, LabRunRecord } from '../run/lab-records.js';
import type { LabTask } from '../tasks/task-set.js';
import { answerFailed, type QuestionRow } from './lab-outcomes.js';

/** Everything the results view shows, computed once per run (the comparisons in a worker). */
export interface LabResults {
  entries: ResultEntry[];
  comparisons: Comparison[];
  oracle: { correct: number; total: number; accuracy: number; ci95: [number, number] };
  verdicts: (Verdict & { mode: string })[];
  rows: QuestionRow[];
  unfinished: number;
  resamples: number;
  seed: number;
}

/**
 * Who a question is, for a reader of an export: its 1-based number as the lab's drill-down shows it
 * ("Question 5"), an id of the task set's id and that number (`gsm8k-test#5`), the question as asked and
 * the right answer in its comparable form (both null when the task set could not be read).
 */
function questionOf(run: LabRunRecord, index: number, tasks: readonly LabTask[] | null) {
  const task = tasks?.[index];
  return {
    number: index + 1,
    id: `${run.taskSet.id}#${index + 1}`,
    question: task?.prompt ?? null,
    expected: task?.answer ?? null,
  };
}

/** Why an answer failed (its classified error's kind and message), or null when it did not fail. */
function failureOf(answer: LabAnswerRecord | undefined): { kind: string; message: string } | null {
  if (!answer?.error || !answerFailed(answer)) return null;
  return { kind: answer.error.kind, message: answer.error.message };
}

/**
 * The export contract (issue 14, item 6): `format`, `version`, `taskSet {id, questions}`, `entries`,
 * `comparisons` and `questions` keep their names and meaning; other fields may be added.
 * `questions[].index` is the question's 0-based index in its task set; added after it, each question's
 * `number` (1-based, as the lab shows it), `id` (`<task set id>#<number>`), `question` and `expected`
 * (null without `tasks`, the run's task set), and each answer's `failure` ({kind, message} or null).
 */
export function resultsToJson(
  run: LabRunRecord,
  results: LabResults,
  tasks: readonly LabTask[] | null = null,
): string {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const interval = (ci: [number, number]): [number, number] => [round(ci[0]), round(ci[1])];
  return JSON.stringify(
    {
      format: 'quorum-lab-results',
      version: 1,
      taskSet: {
        id: run.taskSet.id,
        questions: results.rows.length,
        name: run.taskSet.name,
        source: run.taskSet.source,
        size: run.taskSet.size,
        subset: run.subset,
      },
      run: { id: run.id, createdAt: new Date(run.createdAt).toISOString(), status: run.status },
      pool: run.pool,
      entries: results.entries.map((e) => ({
        kind: e.kind,
        id: e.id,
        label: e.label,
        correct: e.correct,
        total: e.total,
        // Added after v1's first release: answers that failed, already counted as wrong in `correct`.
        failed: e.failed,
        accuracy: round(e.accuracy),
        ci95: interval(e.ci95),
        tokensPerCorrect: e.tokensPerCorrect === null ? null : round(e.tokensPerCorrect),
        secondsPerCorrect: e.secondsPerCorrect === null ? null : round(e.secondsPerCorrect),
      })),
      comparisons: results.comparisons.map((c) => ({
        mode: c.mode,
        against: c.against,
        difference: round(c.difference),
        ci95: interval(c.ci95),
        mcnemarP: c.mcnemarP,
        onlyMode: c.onlyMode,
        onlyAgainst: c.onlyAgainst,
      })),
      oracle: {
        ...results.oracle,
        accuracy: round(results.oracle.accuracy),
        ci95: interval(results.oracle.ci95),
      },
      verdicts: results.verdicts,
      bootstrap: { resamples: results.resamples, seed: results.seed, method: 'paired, percentile' },
      questions: results.rows.map((row) => ({
        index: row.index,
        answers: Object.fromEntries(
          Object.entries(row.answers).map(([id, a]) => [
            id,
            {
              extracted: a.extracted,
              correct: a.correct,
              failed: answerFailed(a),
              failure: failureOf(a),
            },
          ]),
        ),
        ...questionOf(run, row.index, tasks),
      })),
    },
    null,
    2,
  );
}

/**
 * A CSV cell as RFC 4180 writes it (quoted when it holds a comma, quote or line break; quotes doubled),
 * and a leading =, +, - or @ defused so no spreadsheet runs it; a plain negative number stays a number.
 */
function cell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  const formula = /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text);
  if (formula && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per question: its `index` (0-based, in its task set, as in the JSON) and, per answerer, the
 * extracted answer and whether it was right (`<id> extracted`, `<id> correct`); then, per answerer in
 * the same order, whether the answer failed (`<id> failed`: an error, no answer to grade; also counted as
 * not correct); then `question number` (1-based, as the lab shows it), `question id`
 * (`<task set id>#<number>`), `question`, `expected answer` (empty without `tasks`) and, per answerer,
 * `<id> failure` (why it failed; empty when it did not). Later columns go last so the columns before
 * them keep their names and places (an export contract). Lines end in CRLF (RFC 4180).
 */
export function resultsToCsv(
  run: LabRunRecord,
  results: LabResults,
  tasks: readonly LabTask[] | null = null,
): string {
  const ids = results.entries.map((e) => e.id);
  const header = [
    'index',
    ...ids.flatMap((id) => [`${id} extracted`, `${id} correct`]),
    ...ids.map((id) => `${id} failed`),
    'question number',
    'question id',
    'question',
    'expected answer',
    ...ids.map((id) => `${id} failure`),
  ];
  const lines = results.rows.map((row) =>
    [
      row.index,
      ...ids.flatMap((id) => [
        row.answers[id]?.extracted ?? null,
        row.answers[id]?.correct ?? false,
      ]),
      ...ids.map((id) => {
        const answer = row.answers[id];
        return answer ? answerFailed(answer) : false;
      }),
      ...Object.values(questionOf(run, row.index, tasks)),
      ...ids.map((id) => failureOf(row.answers[id])?.message ?? null),
    ]
      .map(cell)
      .join(','),
  );
  return [header.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
}
