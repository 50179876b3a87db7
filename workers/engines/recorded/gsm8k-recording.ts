// Reads GSM8K's recorded solutions (Cobbe et al. 2021): one model's answers out of the JSONL rows.
import type { RecordedAnswer } from '../../../src/models/worker/model-protocol.js';

/**
 * The answers of one model (`column`, e.g. "175b_verification") from gsm8k-recorded-solutions.jsonl,
 * whose rows are `{"question", "ground_truth", "<column>": {"solution", "is_correct"}, …}`.
 * @throws Error naming the first row that lacks the question or the model's solution (a damaged
 *   download or cache: the file ships with the app).
 */
export function gsm8kAnswers(jsonl: string, column: string): RecordedAnswer[] {
  const answers: RecordedAnswer[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const row = JSON.parse(line) as Record<string, unknown>;
    const entry = row[column] as { solution?: unknown } | undefined;
    if (typeof row.question !== 'string' || typeof entry?.solution !== 'string')
      throw new Error(`The recording's row ${i + 1} has no question or no "${column}" solution`);
    answers.push({ question: row.question, text: entry.solution });
  });
  return answers;
}
