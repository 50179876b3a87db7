// The record and chat options the model worker hands web-llm's reload, compared with web-llm's own prebuilt list.
import { prebuiltAppConfig, type ModelRecord } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { MODEL_LIST } from '../../../../src/models/list/model-list.js';
import {
  RELOAD_FIELDS,
  appConfigFor,
  chatOptionsFor,
} from '../../../../workers/engines/webllm-record.js';

const prebuilt = prebuiltAppConfig.model_list;
const shipped = new Map(MODEL_LIST.map((m) => [m.id, m.record]));
// web-llm's ModelType: 1 embedding, 2 vision; Quorum offers neither (see generate-model-list.ts).
const notOffered = (record: ModelRecord) => record.model_type === 1 || record.model_type === 2;

function differences(a: object, b: object, fields: readonly string[]): string[] {
  const value = (o: object, f: string) => JSON.stringify((o as Record<string, unknown>)[f]);
  return fields
    .filter((f) => value(a, f) !== value(b, f))
    .map((f) => `${f}: ${value(a, f)} ≠ ${value(b, f)}`);
}

describe('the record the model worker passes to reload', () => {
  it("equals web-llm's own prebuilt entry in every field reload reads, for every prebuilt id", () => {
    const problems: string[] = [];
    for (const own of prebuilt) {
      const page = shipped.get(own.model_id);
      if (!page) {
        if (!notOffered(own)) problems.push(`${own.model_id}: missing from the page's list`);
        continue;
      }
      const passed = appConfigFor(page).model_list.find((r) => r.model_id === own.model_id);
      if (!passed) problems.push(`${own.model_id}: not in the worker's app config`);
      else
        problems.push(
          ...differences(passed, own, RELOAD_FIELDS).map((d) => `${own.model_id} ${d}`),
        );
    }
    expect(problems).toEqual([]);
  });

  it("keeps the page's record for a model web-llm does not list (a test fixture, a custom host)", () => {
    const custom = {
      model: 'http://127.0.0.1:9/Tiny-q4f32_1-MLC',
      model_id: 'Tiny-q4f32_1-MLC-custom',
      model_lib: 'http://127.0.0.1:9/libs/tiny.wasm',
      overrides: { context_window_size: 512 },
    };
    const passed = appConfigFor(custom).model_list.filter((r) => r.model_id === custom.model_id);
    expect(passed).toEqual([custom]);
  });
});

/**
 * web-llm's LLMChatPipeline (lib/index.js of 0.2.86, lines 11880–11901) merges the model's
 * mlc-chat-config.json, the record's overrides and reload's chat options in that order, then throws
 * WindowSizeConfigurationError when both windows are positive and WindowSizeSpecificationError when neither is.
 */
function windowError(config: Record<string, unknown>): string | null {
  const context = config.context_window_size;
  const sliding = config.sliding_window_size;
  if (context !== -1 && sliding !== -1)
    return `both positive (${String(context)}, ${String(sliding)})`;
  if (context === -1 && sliding === -1) return 'neither positive';
  return null;
}

// What a model's own mlc-chat-config.json may say: full attention, sliding only, or both (gemma3-1b
// is reported to ship a positive sliding window next to its context window).
const MODEL_CONFIGS = [
  { context_window_size: 4096, sliding_window_size: -1 },
  { context_window_size: 32768, sliding_window_size: 512, attention_sink_size: 0 },
  { context_window_size: 8192, sliding_window_size: 4096, attention_sink_size: 4 },
];

describe('the chat options the model worker passes to reload', () => {
  it('give every prebuilt chat model a window setting web-llm accepts, whatever its own config says', () => {
    const problems: string[] = [];
    const ids = [];
    for (const own of prebuilt.filter((r) => !notOffered(r))) {
      ids.push(own.model_id);
      const passed = appConfigFor(shipped.get(own.model_id)).model_list.find(
        (r) => r.model_id === own.model_id,
      )!;
      for (const config of MODEL_CONFIGS) {
        // Quorum asks for no context of its own, or for the 1k retry's.
        for (const contextWindow of [undefined, 1024]) {
          const merged = {
            ...config,
            ...passed.overrides,
            ...chatOptionsFor(passed, contextWindow),
          };
          const error = windowError(merged);
          if (error)
            problems.push(
              `${own.model_id} (config ${JSON.stringify(config)}, ${contextWindow ?? 'own'} context): ${error}`,
            );
        }
      }
    }
    expect(ids).toContain('gemma3-1b-it-q4f16_1-MLC');
    expect(problems).toEqual([]);
  });
});
