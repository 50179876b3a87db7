// What the lab asks: a task set of questions with checkable answers, and how each answer is graded.
import { extractAnswer, type AnswerKind } from '../../fusion/modes/extract-answer.js';

/** How a task's answer is checked: a number, an option letter, yes/no, or normalised text. */
export type TaskKind = Exclude<AnswerKind, 'text'> | 'text';

/** One question with a checkable answer. */
export interface LabTask {
  /** What each model is asked (for multiple choice: the question and its lettered options). */
  prompt: string;
  kind: TaskKind;
  /** The comparable form of the right answer ("18", "B", "yes", or normalised text). */
  answer: string;
}

/** Where a task set comes from: shipped with the app, or the visitor's own file. */
export type TaskSetId = 'gsm8k-test' | 'quick' | `own:${string}`;

/** A named set of tasks and where its questions come from. */
export interface TaskSet {
  id: TaskSetId;
  name: string;
  /** Who wrote the questions, shown beside every result (e.g. the GSM8K citation). */
  source: string;
  tasks: readonly LabTask[];
}

/** The extracted answer of a model's text (null when it failed) and whether it is the right one. */
export function gradeAnswer(
  task: LabTask,
  text: string | null,
): { extracted: string | null; correct: boolean } {
  if (text === null) return { extracted: null, correct: false };
  const answer = extractAnswer(text, task.kind, task.prompt);
  // An answer of the wrong shape (text where a number was asked) is wrong, and shown as written.
  const extracted = answer.kind === task.kind ? answer.normalized : null;
  return { extracted, correct: extracted !== null && extracted === task.answer };
}
