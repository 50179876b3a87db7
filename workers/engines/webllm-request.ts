// Quorum's generation parameters as a web-llm chat request, and web-llm's finish reasons and usage as Quorum's.
import type { ChatCompletionRequestStreaming, CompletionUsage } from '@mlc-ai/web-llm';
import type { FinishReason, GenerateParams, Usage } from '../../src/models/model-client.js';

/** A streaming chat request that ends with usage figures (web-llm's `usage.extra`). */
export function chatRequestOf(params: GenerateParams): ChatCompletionRequestStreaming {
  return {
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
}

/** web-llm's finish reason as Quorum's: 'length' and 'abort' kept, anything else is 'stop'. */
export function finishOf(reason: string): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  return 'stop';
}

/** web-llm's usage report as Quorum's Usage: token counts, and its seconds turned into ms (rounded). */
export function usageOf(usage: CompletionUsage): Usage {
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
