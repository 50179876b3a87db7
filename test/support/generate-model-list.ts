// Builds src/models/list/webllm-models.json from the installed web-llm's prebuilt list (only the chat LLMs).
// Regenerate after bumping web-llm: WRITE_MODEL_LIST=1 npx vitest run --project unit test/unit/models/list/model-list-snapshot.test.ts
import { writeFileSync } from 'node:fs';
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { WebLlmModelRecord } from '../../src/models/list/model-list.js';

export const SNAPSHOT_PATH = 'src/models/list/webllm-models.json';

// ModelType in web-llm: 0 LLM, 1 embedding, 2 VLM. Embedding models cannot chat; VLMs need image
// input that Quorum's text-only chat and fusion never send, and cost more memory than their text twins.
const LLM = 0;

/**
 * Each chat LLM's record whole, as web-llm lists it: a field-by-field copy dropped what it did not
 * know (sliding_window_size, max_history_size, buffer_size_required_bytes), and the page reads
 * some of those (the fit rule reads buffer_size_required_bytes).
 */
export function modelListSnapshot(list: readonly ModelRecord[]): WebLlmModelRecord[] {
  return list
    .filter((record) => (record.model_type ?? LLM) === LLM)
    .map((record) => JSON.parse(JSON.stringify(record)) as WebLlmModelRecord);
}

export function writeModelListSnapshot(list: readonly ModelRecord[]): void {
  writeFileSync(SNAPSHOT_PATH, `${JSON.stringify(modelListSnapshot(list), null, 2)}\n`);
}
