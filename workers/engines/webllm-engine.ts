// The real engine: web-llm's MLCEngine with the Cache API backend. Only model.worker.ts imports this file, lazily.
import {
  MLCEngine,
  type ChatCompletionRequestStreaming,
  type CompletionUsage,
} from '@mlc-ai/web-llm';
import type { LoadInput, LoadProgress } from '../../src/models/worker/model-protocol.js';
import type { FinishReason, GenerateParams, Usage } from '../../src/models/model-client.js';
import type { Engine, EngineChunk } from './engine.js';
import { progressFromReport } from './webllm-progress.js';
import { appConfigFor, chatOptionsFor, recordIn } from './webllm-record.js';

export function createWebLlmEngine(): Engine {
  let engine: MLCEngine | null = null;
  let modelId: string | null = null;

  return {
    async load(request: LoadInput, onProgress: (progress: LoadProgress) => void) {
      const appConfig = appConfigFor(request.modelRecord);
      engine = new MLCEngine({
        appConfig,
        logLevel: 'WARN',
        initProgressCallback: (report) => onProgress(progressFromReport(report)),
      });
      // web-llm instantiates the model lib before it reports anything: say so.
      onProgress({
        phase: 'compile',
        fraction: 0,
        loadedBytes: 0,
        totalBytes: 0,
        etaMs: null,
        text: 'Preparing the model library',
      });
      const record = recordIn(appConfig, request.modelId);
      const chatOptions = record ? chatOptionsFor(record, request.contextWindow) : undefined;
      await engine.reload(request.modelId, chatOptions);
      modelId = request.modelId;
    },

    async *generate(params: GenerateParams): AsyncGenerator<EngineChunk> {
      if (!engine || !modelId) throw new Error('ModelNotLoadedError: no model is loaded');
      const request: ChatCompletionRequestStreaming = {
        messages: params.messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(params.seed !== undefined && { seed: params.seed }),
        ...(params.temperature !== undefined && { temperature: params.temperature }),
        ...(params.maxTokens !== undefined && { max_tokens: params.maxTokens }),
        ...(params.topP !== undefined && { top_p: params.topP }),
        ...(params.json && {
          response_format: {
            type: 'json_object' as const,
            ...(params.json.schema !== undefined && { schema: params.json.schema }),
          },
        }),
      };
      const chunks = await engine.chat.completions.create(request);
      let finishReason: FinishReason = 'stop';
      let usage: Usage | undefined;
      for await (const chunk of chunks) {
        const choice = chunk.choices[0];
        const text = choice?.delta.content;
        if (text) yield { type: 'delta', text };
        if (choice?.finish_reason) finishReason = finishOf(choice.finish_reason);
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
      yield usage ? { type: 'end', finishReason, usage } : { type: 'end', finishReason };
    },

    abort() {
      void engine?.interruptGenerate();
    },

    async unload() {
      await engine?.unload();
      engine = null;
      modelId = null;
    },
  };
}

function finishOf(reason: string): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  return 'stop';
}

function usageOf(usage: CompletionUsage): Usage {
  const extra = usage.extra;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    timeToFirstTokenMs: Math.round(extra.time_to_first_token_s * 1000),
    prefillTokensPerS: extra.prefill_tokens_per_s,
    decodeTokensPerS: extra.decode_tokens_per_s,
    totalMs: Math.round(extra.e2e_latency_s * 1000),
  };
}
