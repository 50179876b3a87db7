// GSM8K's test problems (Cobbe et al. 2021) as a lab task set: each question, and the number after "####".
import { extractAnswer } from '../../fusion/modes/extract-answer.js';
import type { LabTask, TaskSet } from './task-set.js';

/** Served from public/eval/; fetched only when the lab needs it, then cached for offline use. */
export const GSM8K_TEST_URL = '/eval/gsm8k-test.jsonl';

/** The GSM8K citation and licence, shown beside every result on it. */
export const GSM8K_SOURCE =
  'GSM8K test set: Cobbe et al. 2021, "Training Verifiers to Solve Math Word Problems" (arXiv 2110.14168), MIT licence';

/**
 * Parses gsm8k-test.jsonl: one `{"question", "answer"}` object per line, the answer's last line
 * `#### <number>`. The prompt is the question exactly, so recorded answers can be found by it.
 * @throws Error naming the first line that is not a GSM8K problem (the file is shipped, so this
 *   means a damaged download or cache).
 */
export function parseGsm8k(text: string): TaskSet {
  const tasks: LabTask[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const row = JSON.parse(line) as { question?: unknown; answer?: unknown };
    const marker = typeof row.answer === 'string' ? row.answer.lastIndexOf('####') : -1;
    if (typeof row.question !== 'string' || typeof row.answer !== 'string' || marker < 0)
      throw new Error(`GSM8K line ${i + 1} is not a problem with a "####" answer`);
    const answer = extractAnswer(row.answer.slice(marker), 'number');
    tasks.push({ prompt: row.question, kind: 'number', answer: answer.normalized });
  });
  return { id: 'gsm8k-test', name: 'GSM8K test (grade-school maths)', source: GSM8K_SOURCE, tasks };
}
