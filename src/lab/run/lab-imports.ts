// The visitor's files into the lab: a JSONL task set, or a recording to replay; all or nothing, every problem named.
import { MAX_RECORDING_BYTES, parseRecording } from '../results/recording-file.js';
import { MAX_TASK_FILE_BYTES, parseOwnTasks, type LineError } from '../tasks/parse-own-tasks.js';
import type { LabTaskSetRecord } from './lab-records.js';
import type { LabStore } from './lab-store.js';
import { errorText, isQuotaExceeded } from '../../shared/errors.js';

/** A stored import's id and a summary, or every problem found (nothing stored then). */
export type ImportOutcome =
  | { ok: true; id: string; summary: string }
  /** Nothing of the file was stored. */
  | { ok: false; problems: string[] };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const newId = () => `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;

/** A file as text, refusing one over `max` bytes before reading it. */
async function readLimited(
  file: Blob & { name: string },
  max: number,
  what: string,
): Promise<string> {
  if (file.size > max)
    throw new Error(
      `${file.name} is ${megabytes(file.size)}: ${what} up to ${megabytes(max)} are accepted.`,
    );
  return file.text();
}

/** Runs the one write of an import; a failure (a full disk, most often) is named, nothing kept. */
async function stored(
  write: () => Promise<void>,
  fileName: string,
): Promise<{ ok: false; problems: string[] } | null> {
  try {
    await write();
    return null;
  } catch (error) {
    const why = isQuotaExceeded(error)
      ? 'the browser has no storage space left (free some, for example by deleting downloaded models, and try again)'
      : `the browser's storage refused it (${errorText(error)})`;
    return {
      ok: false,
      problems: [`${fileName} could not be stored: ${why}. Nothing of it was kept.`],
    };
  }
}

const lineProblem = ({ line, message }: LineError) => `Line ${line}: ${message}`;

/** Stores a JSONL task set when every line is good; names every bad line otherwise. */
export async function importTaskFile(
  store: LabStore,
  file: Blob & { name: string },
): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await readLimited(file, MAX_TASK_FILE_BYTES, 'task files');
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const parsed = parseOwnTasks(text);
  if (!parsed.ok) {
    const more = parsed.more > 0 ? [`…and ${parsed.more} more bad lines.`] : [];
    return { ok: false, problems: [...parsed.errors.map(lineProblem), ...more] };
  }
  const record: LabTaskSetRecord = {
    id: `own:${newId()}`,
    name: file.name.slice(0, 120),
    importedAt: Date.now(),
    tasks: parsed.tasks,
  };
  const failed = await stored(() => store.saveTaskSet(record), file.name);
  if (failed) return failed;
  return {
    ok: true,
    id: record.id,
    summary: `${parsed.tasks.length} questions from ${record.name}`,
  };
}

/** Stores a recording when the whole file is valid; its models then join the pool choices. */
export async function importRecordingFile(
  store: LabStore,
  file: Blob & { name: string },
): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await readLimited(file, MAX_RECORDING_BYTES, 'recordings');
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const parsed = parseRecording(text);
  if (!parsed.ok) return { ok: false, problems: [`${file.name}: ${parsed.error}`] };
  const id = newId();
  const failed = await stored(
    () => store.saveRecording({ ...parsed.recording, id, importedAt: Date.now() }),
    file.name,
  );
  if (failed) return failed;
  const { models, questions } = parsed.recording;
  return {
    ok: true,
    id,
    summary: `${models.length} recorded models, ${questions.length} questions, from ${file.name}`,
  };
}
