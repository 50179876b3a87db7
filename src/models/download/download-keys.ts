// The exact cache names and keys web-llm 0.2.86 reads a model from (mirrors its cleanModelUrl and fetchWasmSource).
import type { ModelRecordOverride } from '../worker/model-protocol.js';

/** web-llm's cache for mlc-chat-config.json and the manifest. */
export const CONFIG_CACHE = 'webllm/config';
/** web-llm's cache for the tensor index, the tokenizer and the weight shards. */
export const MODEL_CACHE = 'webllm/model';
/** web-llm's cache for the compiled model libraries (.wasm). */
export const WASM_CACHE = 'webllm/wasm';
/** The tensor index: lists the weight shards and their sizes in bytes. */
export const TENSOR_INDEX_FILE = 'tensor-cache.json';
/** The model's chat config: names its tokenizer files and defaults. */
export const CHAT_CONFIG_FILE = 'mlc-chat-config.json';

/** The fields of a model record that decide where its files live. */
export type DownloadableRecord = Pick<ModelRecordOverride, 'model_id' | 'model' | 'model_lib'> & {
  model_manifest?: string;
};

/** web-llm's cleanModelUrl: a trailing slash, then `resolve/main/` unless the URL names a revision. */
export function modelBaseUrl(model: string): string {
  let url = model.endsWith('/') ? model : `${model}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

/** The URL (and cache key) of the model's mlc-chat-config.json. */
export function chatConfigUrl(record: DownloadableRecord): string {
  return new URL(CHAT_CONFIG_FILE, modelBaseUrl(record.model)).href;
}

/** The URL (and cache key) of the model's tensor-cache.json. */
export function tensorIndexUrl(record: DownloadableRecord): string {
  return new URL(TENSOR_INDEX_FILE, modelBaseUrl(record.model)).href;
}

/** The URL of the record's manifest, or null when the record names none. */
export function manifestUrl(record: DownloadableRecord): string | null {
  return record.model_manifest === undefined
    ? null
    : new URL(record.model_manifest, modelBaseUrl(record.model)).href;
}

/** The URL (and cache key) of one weight shard, from its `dataPath` in the tensor index. */
export function shardUrl(record: DownloadableRecord, dataPath: string): string {
  return new URL(dataPath, modelBaseUrl(record.model)).href;
}

/**
 * web-llm reads only one tokenizer file: tokenizer.json when listed, else tokenizer.model.
 * Downloading the others (tokenizer_config.json, vocab.json…) would waste space and outlive a delete.
 */
export function tokenizerFile(tokenizerFiles: readonly string[]): string | null {
  if (tokenizerFiles.includes('tokenizer.json')) return 'tokenizer.json';
  if (tokenizerFiles.includes('tokenizer.model')) return 'tokenizer.model';
  return null;
}

/** The URL (and cache key) of one tokenizer file of the model. */
export function tokenizerUrl(record: DownloadableRecord, file: string): string {
  return new URL(file, modelBaseUrl(record.model)).href;
}

/** web-llm caches the model lib only for http(s) URLs without "localhost"; it fetches the others every time. */
export function isModelLibCached(modelLib: string): boolean {
  return modelLib.startsWith('http') && !modelLib.includes('localhost');
}
