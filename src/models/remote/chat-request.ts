// Pure: the body of a streamed chat-completions request, from the parameters every ModelClient takes.
import type { GenerateParams } from '../model-client.js';

/**
 * How a server takes constrained JSON: `json_schema` (OpenAI's structured outputs; Ollama,
 * llama.cpp, vLLM and LM Studio accept it), `json_object` (no schema), or not at all.
 */
export type JsonSupport = 'schema' | 'object' | 'none';

/** Optional fields a server may refuse with a 400; the client retries once without the named one. */
export type OptionalField = 'stream_options' | 'response_format' | 'seed';

/** The server's model name, how it takes JSON, and fields it refused before. */
export interface ChatRequestOptions {
  model: string;
  json: JsonSupport;
  /** Fields to leave out because this server refused them before. */
  without?: ReadonlySet<OptionalField>;
}

/**
 * `stream: true` with `stream_options.include_usage` (servers that support it end with a usage
 * chunk), the sampling parameters that were given, and `response_format` when JSON was asked
 * for and the server takes it. A schema that is not valid JSON falls back to `json_object`.
 */
export function chatRequestBody(
  params: GenerateParams,
  options: ChatRequestOptions,
): Record<string, unknown> {
  const without = options.without ?? new Set<OptionalField>();
  const body: Record<string, unknown> = {
    model: options.model,
    messages: params.messages.map(({ role, content }) => ({ role, content })),
    stream: true,
  };
  if (!without.has('stream_options')) body.stream_options = { include_usage: true };
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.topP !== undefined) body.top_p = params.topP;
  if (params.maxTokens !== undefined) body.max_tokens = params.maxTokens;
  if (params.seed !== undefined && !without.has('seed')) body.seed = params.seed;
  const format =
    params.json && !without.has('response_format')
      ? responseFormat(params.json, options.json)
      : null;
  if (format) body.response_format = format;
  return body;
}

function responseFormat(
  json: NonNullable<GenerateParams['json']>,
  support: JsonSupport,
): Record<string, unknown> | null {
  if (support === 'none') return null;
  const schema = support === 'schema' && json.schema ? parseSchema(json.schema) : null;
  if (schema) return { type: 'json_schema', json_schema: { name: 'answer', schema } };
  return { type: 'json_object' };
}

function parseSchema(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Which optional field a 400's text blames, so the request can be sent again without it. */
export function refusedField(errorText: string): OptionalField | null {
  if (/stream_options|include_usage/i.test(errorText)) return 'stream_options';
  if (/response_format|json_schema|json_object|structured/i.test(errorText))
    return 'response_format';
  if (/\bseed\b/i.test(errorText)) return 'seed';
  return null;
}

/** Characters per token asked for before an answer counts as runaway (English averages about 4). */
export const ANSWER_CHARS_PER_TOKEN = 16;
/** Tokens assumed when a call sets no max tokens: the studio's largest setting. */
export const UNSET_MAX_TOKENS = 8192;
/** The smallest limit, whatever max tokens says, so a short answer's preamble never trips it. */
export const MIN_ANSWER_CHARS = 16_384;

/**
 * The most characters (reasoning included) a streamed answer may reach before Quorum stops
 * reading it: 16 per token of `maxTokens` (8,192 tokens when unset), at least 16,384. A server
 * that honours max_tokens never comes near it; one that ignores it cannot stream forever.
 */
export function answerCharLimit(maxTokens: number | undefined): number {
  const tokens =
    maxTokens !== undefined && Number.isFinite(maxTokens) && maxTokens > 0
      ? Math.ceil(maxTokens)
      : UNSET_MAX_TOKENS;
  return Math.max(MIN_ANSWER_CHARS, tokens * ANSWER_CHARS_PER_TOKEN);
}
