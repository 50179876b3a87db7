// Builds src/models/list/webllm-models.json from the installed web-llm's prebuilt list (only the chat LLMs).
// Regenerate after bumping web-llm: WRITE_MODEL_LIST=1 npx vitest run --project unit test/unit/models/model-list-snapshot.test.ts
import { writeFileSync } from 'node:fs';
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { WebLlmModelRecord } from '../../src/models/list/model-list.js';

export const SNAPSHOT_PATH = 'src/models/list/webllm-models.json';

// ModelType in web-llm: 0 LLM, 1 embedding, 2 VLM. Embedding models cannot chat; VLMs need image
// input that Quorum's text-only chat and fusion never send, and cost more memory than their text twins.
const LLM = 0;

export function modelListSnapshot(list: readonly ModelRecord[]): WebLlmModelRecord[] {
  return list
    .filter((record) => (record.model_type ?? LLM) === LLM)
    .map((record) => {
      const out: WebLlmModelRecord = {
        model_id: record.model_id,
        model: record.model,
        model_lib: record.model_lib,
        vram_required_MB: record.vram_required_MB ?? 0,
        low_resource_required: record.low_resource_required ?? false,
      };
      if (record.required_features) out.required_features = [...record.required_features];
      const contextWindow = record.overrides?.context_window_size;
      if (contextWindow !== undefined) out.overrides = { context_window_size: contextWindow };
      if (record.model_manifest !== undefined) out.model_manifest = record.model_manifest;
      return out;
    });
}

export function writeModelListSnapshot(list: readonly ModelRecord[]): void {
  writeFileSync(SNAPSHOT_PATH, `${JSON.stringify(modelListSnapshot(list), null, 2)}\n`);
}
