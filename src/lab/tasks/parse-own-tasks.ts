// The visitor's own task set: JSONL with `question`, `answer` and optional `choices`, every bad line named.
import { normalizeNumber, normalizeText } from '../../fusion/modes/extract-answer.js';
import type { LabTask } from './task-set.js';

/** Larger files are refused before they are read. */
export const MAX_TASK_FILE_BYTES = 5 * 1024 * 1024;
/** The most questions a task file may hold. */
export const MAX_TASKS = 10_000;
const MAX_QUESTION_CHARS = 10_000;
const MAX_ANSWER_CHARS = 200;
const LETTERS = 'ABCDE';
/** After this many, the rest are counted, not listed. */
const MAX_LISTED_ERRORS = 20;

/** One bad line of a task file, and what is wrong with it. */
export interface LineError {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/** The tasks a file holds, or its bad lines. */
export type OwnTasksResult =
  | { ok: true; tasks: LabTask[] }
  /** `errors` lists at most 20; `more` counts the others. Nothing from the file may be kept. */
  | { ok: false; errors: LineError[]; more: number };

/**
 * Parses a JSONL task file: one JSON object per line, `{"question": text, "answer": text or
 * number, "choices"?: [2–5 texts]}`; blank lines are skipped. With `choices` the answer is a letter
 * (A–E) or the text of one choice; without, a number, yes/no, or a short text. All or nothing:
 * any bad line fails the whole file, with every bad line named.
 */
export function parseOwnTasks(text: string): OwnTasksResult {
  const tasks: LabTask[] = [];
  const errors: LineError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const parsed = parseLine(raw);
    if (typeof parsed === 'string') errors.push({ line: i + 1, message: parsed });
    else tasks.push(parsed);
  });
  if (errors.length === 0 && tasks.length === 0)
    errors.push({
      line: 1,
      message: 'The file has no questions: expected one JSON object per line.',
    });
  if (tasks.length > MAX_TASKS)
    errors.push({
      line: lines.length,
      message: `The file has ${tasks.length} questions; at most ${MAX_TASKS} are accepted.`,
    });
  if (errors.length > 0)
    return {
      ok: false,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      more: Math.max(0, errors.length - MAX_LISTED_ERRORS),
    };
  return { ok: true, tasks };
}

/** The task on one line, or what is wrong with it. */
function parseLine(raw: string): LabTask | string {
  let row: unknown;
  try {
    row = JSON.parse(raw);
  } catch {
    return 'not valid JSON (each line must be one complete JSON object).';
  }
  if (!row || typeof row !== 'object' || Array.isArray(row))
    return 'expected a JSON object with "question" and "answer".';
  const { question, answer, choices } = row as Record<string, unknown>;
  if (typeof question !== 'string' || !question.trim())
    return '"question" is missing or is not text.';
  if (question.length > MAX_QUESTION_CHARS)
    return `"question" is longer than ${MAX_QUESTION_CHARS} characters.`;
  if (typeof answer === 'number' && Number.isFinite(answer))
    return plainTask(question, String(answer));
  if (typeof answer !== 'string' || !answer.trim())
    return '"answer" is missing or is not text or a number.';
  if (answer.length > MAX_ANSWER_CHARS)
    return `"answer" is longer than ${MAX_ANSWER_CHARS} characters.`;
  if (choices === undefined) return plainTask(question, answer);
  return choiceTask(question, answer, choices);
}

function plainTask(question: string, answer: string): LabTask {
  const value = answer.trim();
  if (/^-?[\d,]*\.?\d+$/.test(value.replace(/^\$/, '')))
    return { prompt: question, kind: 'number', answer: normalizeNumber(value.replace(/^\$/, '')) };
  if (/^(yes|no)$/i.test(value))
    return { prompt: question, kind: 'yesno', answer: value.toLowerCase() };
  // Free text is compared in its normalised form (lower case, punctuation dropped).
  return { prompt: question, kind: 'text', answer: normalizeText(value) };
}

function choiceTask(question: string, answer: string, choices: unknown): LabTask | string {
  if (
    !Array.isArray(choices) ||
    choices.length < 2 ||
    choices.length > LETTERS.length ||
    !choices.every((c) => typeof c === 'string' && c.trim() && c.length <= MAX_ANSWER_CHARS * 5)
  )
    return `"choices" must be a list of 2 to ${LETTERS.length} texts.`;
  const options = choices as string[];
  const letters = LETTERS.slice(0, options.length);
  const value = answer.trim();
  const byLetter = /^\(?([A-E])\)?$/i.exec(value)?.[1]?.toUpperCase();
  const byText = options.findIndex((c) => c.trim().toLowerCase() === value.toLowerCase());
  const letter = byText >= 0 ? letters[byText] : byLetter;
  if (!letter || !letters.includes(letter))
    return `the answer "${value.slice(0, 40)}" is neither a letter ${letters[0]}–${letters.at(-1)} nor the text of one of the choices.`;
  const lines = options.map((c, i) => `${letters[i]}) ${c.trim()}`);
  return { prompt: `${question.trim()}\n${lines.join('\n')}`, kind: 'choice', answer: letter };
}
