// Loads a task set when the lab needs it: GSM8K fetched (then cached by the service worker), the quick set, or the visitor's own.
import { GSM8K_TEST_URL, parseGsm8k } from '../tasks/gsm8k.js';
import { QUICK_SET } from '../tasks/quick-set.js';
import type { TaskSet, TaskSetId } from '../tasks/task-set.js';
import type { LabStore } from './lab-store.js';

let gsm8k: Promise<TaskSet> | null = null;

/**
 * @throws Error with a message for the visitor when GSM8K cannot be fetched (offline before it was
 *   ever loaded) or an own task set is gone (deleted in another tab).
 */
export async function loadTaskSet(store: LabStore, id: TaskSetId): Promise<TaskSet> {
  if (id === 'quick') return QUICK_SET;
  if (id === 'gsm8k-test') {
    gsm8k ??= fetchGsm8k().catch((error: unknown) => {
      gsm8k = null;
      throw error;
    });
    return gsm8k;
  }
  const own = await store.ownTaskSet(id);
  if (!own)
    throw new Error('This task set is no longer stored on this device: import its file again.');
  return { id: own.id, name: own.name, source: `Your file ${own.name}`, tasks: own.tasks };
}

async function fetchGsm8k(): Promise<TaskSet> {
  let response: Response;
  try {
    response = await fetch(GSM8K_TEST_URL);
  } catch {
    throw new Error(
      'The GSM8K questions could not be downloaded. Check your connection: once loaded, they stay available offline.',
    );
  }
  if (!response.ok)
    throw new Error(`The GSM8K questions could not be downloaded (status ${response.status}).`);
  return parseGsm8k(await response.text());
}
