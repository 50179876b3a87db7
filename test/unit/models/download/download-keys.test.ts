// The cache keys web-llm reads for a model's files, which the download worker must write under exactly.
import { describe, expect, it } from 'vitest';
import {
  chatConfigUrl,
  isModelLibCached,
  manifestUrl,
  modelBaseUrl,
  shardUrl,
  tensorIndexUrl,
  tokenizerFile,
} from '../../../../src/models/download/download-keys.js';

const record = {
  model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  model: 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  model_lib: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/x-webgpu.wasm',
};

describe("web-llm's cache keys", () => {
  it('appends resolve/main/ to a repository URL, with or without a trailing slash', () => {
    const expected =
      'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/main/';
    expect(modelBaseUrl(record.model)).toBe(expected);
    expect(modelBaseUrl(`${record.model}/`)).toBe(expected);
  });

  it('keeps a URL that already names a revision', () => {
    const pinned = 'https://huggingface.co/mlc-ai/X/resolve/abc123/';
    expect(modelBaseUrl(pinned)).toBe(pinned);
    expect(modelBaseUrl('https://huggingface.co/mlc-ai/X/resolve/abc123')).toBe(pinned);
  });

  it('puts config, index and shards under the resolved base', () => {
    const base = modelBaseUrl(record.model);
    expect(chatConfigUrl(record)).toBe(`${base}mlc-chat-config.json`);
    expect(tensorIndexUrl(record)).toBe(`${base}tensor-cache.json`);
    expect(shardUrl(record, 'params_shard_12.bin')).toBe(`${base}params_shard_12.bin`);
    expect(manifestUrl(record)).toBeNull();
    expect(manifestUrl({ ...record, model_manifest: 'mlc-model-manifest.json' })).toBe(
      `${base}mlc-model-manifest.json`,
    );
  });

  it('caches the model lib only for http(s) URLs without "localhost", like web-llm', () => {
    expect(isModelLibCached(record.model_lib)).toBe(true);
    expect(isModelLibCached('http://127.0.0.1:8000/lib.wasm')).toBe(true);
    expect(isModelLibCached('http://localhost:8000/lib.wasm')).toBe(false);
    expect(isModelLibCached('/libs/lib.wasm')).toBe(false);
  });

  it('downloads the one tokenizer file web-llm reads: tokenizer.json first, else tokenizer.model', () => {
    expect(tokenizerFile(['tokenizer.json', 'tokenizer_config.json', 'vocab.json'])).toBe(
      'tokenizer.json',
    );
    expect(tokenizerFile(['tokenizer.model', 'tokenizer_config.json'])).toBe('tokenizer.model');
    expect(tokenizerFile(['vocab.json'])).toBeNull();
  });
});
