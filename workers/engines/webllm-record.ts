// The model record and chat options the model worker hands web-llm's reload: web-llm's own record, never a copy.
import {
  prebuiltAppConfig,
  type AppConfig,
  type ChatOptions,
  type ModelRecord,
} from '@mlc-ai/web-llm';
import type { ModelRecordOverride } from '../../src/models/worker/model-protocol.js';

/**
 * Every field of a ModelRecord that web-llm 0.2.86's `MLCEngine.reload` reads (lib/index.js:
 * reloadInternal, lines 18212–18340; asyncLoadTokenizer, line 14827 for `integrity.tokenizer`).
 * `overrides` is merged over the model's mlc-chat-config.json, so every key in it matters
 * (`sliding_window_size`, `max_history_size`…), not only `context_window_size`.
 */
export const RELOAD_FIELDS = [
  'model',
  'model_id',
  'model_lib',
  'model_type',
  'model_manifest',
  'overrides',
  'required_features',
  'integrity',
] as const;

/**
 * The app config the worker loads with. For a model web-llm lists, web-llm's own record is used
 * as it is: the page's copy (a JSON snapshot, so the page never imports web-llm) only says which
 * model, so a field the snapshot lacks can never change what loads. A model web-llm does not list
 * (the tests' localhost fixture, a custom host) is loaded from the page's record.
 */
export function appConfigFor(
  record?: ModelRecordOverride,
  prebuilt: readonly ModelRecord[] = prebuiltAppConfig.model_list,
): AppConfig {
  const listed = record && prebuilt.some((entry) => entry.model_id === record.model_id);
  const model_list: ModelRecord[] =
    record && !listed ? [record as ModelRecord, ...prebuilt] : [...prebuilt];
  return { model_list, cacheBackend: 'cache' };
}

/** The record reload will use for `modelId` under `appConfig` (web-llm takes the first with that id). */
export function recordIn(appConfig: AppConfig, modelId: string): ModelRecord | undefined {
  return appConfig.model_list.find((entry) => entry.model_id === modelId);
}

/**
 * Reload's chat options (merged last, over the record's overrides). `contextWindow`: a context
 * Quorum asks for (the smaller-context retry), else the record's own.
 *
 * Whenever the context window is positive, the sliding window is switched off: web-llm throws
 * WindowSizeConfigurationError when both are positive (lib/index.js, line 11883), and a model's own
 * mlc-chat-config.json may carry a sliding window the record does not cancel (gemma3-1b is reported
 * to; mlc-llm disabled Gemma 3's sliding window in mlc-ai/mlc-llm#3176). Full attention over the
 * context window is what the record's `context_window_size` asks for.
 */
export function chatOptionsFor(record: ModelRecord, contextWindow?: number): ChatOptions {
  const context = contextWindow ?? record.overrides?.context_window_size;
  const options: ChatOptions = {};
  if (contextWindow !== undefined) options.context_window_size = contextWindow;
  if (context !== undefined && context > 0) options.sliding_window_size = -1;
  return options;
}
