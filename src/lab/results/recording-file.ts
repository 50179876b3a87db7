// A lab run as a recording file (every answer of every model) and back: export, and a strict import.
import type { RecordingRecord } from '../../models/list/recorded-models.js';
import type { LabTask } from '../tasks/task-set.js';
import type { LabAnswerRecord, LabRunRecord } from '../run/lab-records.js';

/** The recording file's format name; a contract. */
export const RECORDING_FORMAT = 'quorum-recording';
/** Larger files are refused before they are read. */
export const MAX_RECORDING_BYTES = 50 * 1024 * 1024;
const MAX_MODELS = 12;
const MAX_QUESTIONS = 20_000;
const MAX_QUESTION_CHARS = 10_000;
const MAX_ANSWER_CHARS = 100_000;
const MAX_NAME_CHARS = 200;

/**
 * Every model's answer to every question of a run, asked as `tasks[index].prompt`. Answers that
 * failed are left out (a replay then fails that question too, as the model did).
 * Shape: `{format: "quorum-recording", version: 1, source, taskSet, models: [{id, label}],
 * questions: [{index, question, answers: {<model id>: text}}]}`.
 */
export function runToRecording(
  run: LabRunRecord,
  tasks: readonly LabTask[],
  answers: readonly LabAnswerRecord[],
): string {
  const models = run.pool.map((m) => ({
    id: m.id,
    label: m.label.replace(/\s*\(recorded\)$/, ''),
  }));
  const ids = new Set(models.map((m) => m.id));
  const byPosition = new Map<number, Record<string, string>>();
  for (const answer of answers) {
    if (!ids.has(answer.answerer) || answer.text === null) continue;
    const row = byPosition.get(answer.position) ?? {};
    row[answer.answerer] = answer.text;
    byPosition.set(answer.position, row);
  }
  const date = new Date(run.createdAt).toISOString().slice(0, 10);
  return JSON.stringify({
    format: RECORDING_FORMAT,
    version: 1,
    source: `A Quorum lab run of ${date} on ${run.taskSet.name}`,
    taskSet: { id: run.taskSet.id, name: run.taskSet.name },
    models,
    questions: run.questions.map((index, position) => ({
      index,
      question: tasks[index]?.prompt ?? '',
      answers: byPosition.get(position) ?? {},
    })),
  });
}

/** A recording read from a file, or what is wrong with the file. */
export type RecordingParse =
  | { ok: true; recording: Omit<RecordingRecord, 'id' | 'importedAt'> }
  /** What is wrong, naming the place in the file; nothing of it may be kept. */
  | { ok: false; error: string };

/** Checks a recording file completely before anything of it is kept. */
export function parseRecording(text: string): RecordingParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The file is not complete JSON (it may have been cut short): ${why}`,
    };
  }
  try {
    return { ok: true, recording: readRecording(data) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function text(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${where}: expected text.`);
  if (value.length > max) throw new Error(`${where}: longer than ${max} characters.`);
  return value;
}

function readRecording(data: unknown): Omit<RecordingRecord, 'id' | 'importedAt'> {
  if (!isObject(data) || data.format !== RECORDING_FORMAT)
    throw new Error(`This is not a Quorum recording: "format" must be "${RECORDING_FORMAT}".`);
  if (data.version !== 1)
    throw new Error(`Recording version ${String(data.version)} is not supported (only 1).`);
  const source = text(data.source, 'source', 500);
  if (!Array.isArray(data.models) || data.models.length < 1 || data.models.length > MAX_MODELS)
    throw new Error(`models: expected a list of 1 to ${MAX_MODELS} models.`);
  const models = data.models.map((m: unknown, i) => {
    if (!isObject(m)) throw new Error(`models[${i}]: expected {"id", "label"}.`);
    return {
      id: text(m.id, `models[${i}].id`, MAX_NAME_CHARS),
      label: text(m.label, `models[${i}].label`, MAX_NAME_CHARS),
    };
  });
  const ids = new Set(models.map((m) => m.id));
  if (ids.size !== models.length) throw new Error('models: two models share an id.');
  // JSON.parse keeps "__proto__" as a key, but writing it into the answers would be lost.
  if (ids.has('__proto__')) throw new Error('models: "__proto__" cannot be a model id.');
  if (
    !Array.isArray(data.questions) ||
    data.questions.length === 0 ||
    data.questions.length > MAX_QUESTIONS
  )
    throw new Error(`questions: expected a list of 1 to ${MAX_QUESTIONS} questions.`);
  const questions = data.questions.map((q: unknown, i) => {
    if (!isObject(q) || !isObject(q.answers))
      throw new Error(`questions[${i}]: expected {"question", "answers"}.`);
    const question = text(q.question, `questions[${i}].question`, MAX_QUESTION_CHARS);
    const answers: Record<string, string> = {};
    for (const [id, answer] of Object.entries(q.answers)) {
      if (!ids.has(id))
        throw new Error(`questions[${i}].answers: "${id.slice(0, 40)}" is not one of the models.`);
      if (typeof answer !== 'string' || answer.length > MAX_ANSWER_CHARS)
        throw new Error(
          `questions[${i}].answers.${id.slice(0, 40)}: expected text of at most ${MAX_ANSWER_CHARS} characters.`,
        );
      answers[id] = answer;
    }
    return { question, answers };
  });
  return { source, models, questions };
}
