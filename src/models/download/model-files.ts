// Pure: every file web-llm's reload reads from its caches for one model, and which of them are missing from a cache listing.
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  WASM_CACHE,
  chatConfigUrl,
  isModelLibCached,
  manifestUrl,
  shardUrl,
  tensorIndexUrl,
  tokenizerFile,
  tokenizerUrl,
  type DownloadableRecord,
} from './download-keys.js';

/** What part of a model a file is. */
export type ModelFileKind = 'manifest' | 'config' | 'tokenizer' | 'library' | 'index' | 'weights';

/** One file a model's load reads, with the cache it lives in and its size when the index gives it. */
export interface ModelFile {
  kind: ModelFileKind;
  /** The web-llm cache it lives in (webllm/config, webllm/model, webllm/wasm). */
  cache: string;
  url: string;
  /** Known from the tensor index for weight shards. */
  bytes?: number;
}

/** One weight shard of the tensor index and its size in bytes. */
export interface TensorIndexShard {
  dataPath: string;
  nbytes: number;
}

/** The part of tensor-cache.json that downloads rely on. */
export interface TensorIndex {
  records: TensorIndexShard[];
}

/** How a missing kind is named to the visitor. */
export const FILE_KIND_NAMES: Readonly<Record<ModelFileKind, string>> = {
  manifest: 'model manifest',
  config: 'chat configuration',
  tokenizer: 'tokenizer',
  library: 'model library',
  index: 'weight index',
  weights: 'weights',
};

/** Validates the part of tensor-cache.json that downloads rely on. */
export function parseTensorIndex(value: unknown): TensorIndex | null {
  if (typeof value !== 'object' || value === null || !('records' in value)) return null;
  const records: unknown = value.records;
  if (!Array.isArray(records)) return null;
  const shards: TensorIndexShard[] = [];
  for (const item of records as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { dataPath, nbytes } = item as Record<string, unknown>;
    if (typeof dataPath !== 'string' || typeof nbytes !== 'number') return null;
    shards.push({ dataPath, nbytes });
  }
  return { records: shards };
}

/** The tokenizer files an mlc-chat-config.json lists (its `tokenizer_files`). */
export function tokenizerFilesOf(config: unknown): string[] {
  if (typeof config !== 'object' || config === null || !('tokenizer_files' in config)) return [];
  const files: unknown = config.tokenizer_files;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

/**
 * The files the record alone names, in the order web-llm reads them: the manifest (models that have
 * one), the chat config, the model library (only where web-llm caches it: http(s), not localhost)
 * and the tensor index.
 */
export function recordFiles(record: DownloadableRecord): ModelFile[] {
  const manifest = manifestUrl(record);
  return [
    ...(manifest ? [{ kind: 'manifest' as const, cache: CONFIG_CACHE, url: manifest }] : []),
    { kind: 'config', cache: CONFIG_CACHE, url: chatConfigUrl(record) },
    ...(isModelLibCached(record.model_lib)
      ? [{ kind: 'library' as const, cache: WASM_CACHE, url: record.model_lib }]
      : []),
    { kind: 'index', cache: MODEL_CACHE, url: tensorIndexUrl(record) },
  ];
}

/** The files the chat config and the index name: the one tokenizer file web-llm reads, and every shard. */
export function namedFiles(
  record: DownloadableRecord,
  tokenizerFiles: readonly string[],
  index: TensorIndex,
): ModelFile[] {
  const tokenizer = tokenizerFile(tokenizerFiles);
  return [
    ...(tokenizer
      ? [{ kind: 'tokenizer' as const, cache: MODEL_CACHE, url: tokenizerUrl(record, tokenizer) }]
      : []),
    ...index.records.map((shard) => ({
      kind: 'weights' as const,
      cache: MODEL_CACHE,
      url: shardUrl(record, shard.dataPath),
      bytes: shard.nbytes,
    })),
  ];
}

/** Keys of web-llm's caches by cache name. */
export type CacheListing = ReadonlyMap<string, ReadonlySet<string>>;

/** The kinds of `files` that `listing` lacks, each once, in file order. */
export function missingKinds(files: readonly ModelFile[], listing: CacheListing): ModelFileKind[] {
  const missing = files.filter((file) => !listing.get(file.cache)?.has(file.url));
  return [...new Set(missing.map((file) => file.kind))];
}
