// The GSM8K problems the recorded models answered, fetched once from their recording (the file they replay from).
import { GSM8K_RECORDED_MODELS, GSM8K_RECORDING_URL } from '../../models/list/recorded-models.js';
import { recordedProblems } from './battle-plan.js';

/** Each GSM8K recorded model's column in the recording. */
const COLUMNS = GSM8K_RECORDED_MODELS.flatMap((m) =>
  m.recording.kind === 'gsm8k' ? [m.recording.column] : [],
);

let loading: Promise<string[]> | null = null;

/**
 * The problems all four recorded GSM8K models answered (1,319), in the recording's order. The file
 * is the one the recorded engine loads, so the service worker keeps it for offline use.
 * @throws Error with a message for the visitor when it cannot be fetched (offline before it was
 *   ever loaded); the next call tries again.
 */
export function loadRecordedProblems(): Promise<string[]> {
  loading ??= fetchProblems().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function fetchProblems(): Promise<string[]> {
  let response: Response;
  try {
    response = await fetch(GSM8K_RECORDING_URL);
  } catch {
    throw new Error(
      'The GSM8K problems could not be downloaded. Check your connection: once loaded, they stay available offline.',
    );
  }
  if (!response.ok)
    throw new Error(`The GSM8K problems could not be downloaded (status ${response.status}).`);
  return recordedProblems(await response.text(), COLUMNS);
}
