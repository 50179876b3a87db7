// The lab's results as files: JSON in the "quorum-lab-results" v1 shape, and the per-question table as CSV.
import type { Comparison } from '../stats/compare.js';
import type { ResultEntry } from '../stats/summarise.js';
import type { Verdict } from '../stats/verdict.js';
import type { LabRunRecord } from '../run/lab-records.js';
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
 * The export contract (issue 14, item 6): `format`, `version`, `taskSet {id, questions}`, `entries`,
 * `comparisons` and `questions` keep their names and meaning; other fields may be added.
 * `questions[].index` is the question's 0-based index in its task set.
 */
export function resultsToJson(run: LabRunRecord, results: LabResults): string {
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
            { extracted: a.extracted, correct: a.correct, failed: answerFailed(a) },
          ]),
        ),
      })),
    },
    null,
    2,
  );
}

/** A CSV cell: quoted when needed, and a leading =, +, - or @ defused so no spreadsheet runs it. */
function cell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per question: its index and, per answerer, the extracted answer and whether it was right
 * (`<id> extracted`, `<id> correct`); then, per answerer in the same order, whether the answer failed
 * (`<id> failed`: an error, no answer to grade; also counted as not correct). The `failed` columns came
 * later and go last so the columns before them keep their names and places (an export contract).
 */
export function resultsToCsv(run: LabRunRecord, results: LabResults): string {
  const ids = results.entries.map((e) => e.id);
  const header = [
    'index',
    ...ids.flatMap((id) => [`${id} extracted`, `${id} correct`]),
    ...ids.map((id) => `${id} failed`),
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
    ]
      .map(cell)
      .join(','),
  );
  return [header.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
}
