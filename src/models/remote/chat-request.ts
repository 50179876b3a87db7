// Pure: the body of a streamed chat-completions request, from the parameters every ModelClient takes.
import type { GenerateParams } from '../model-client.js';

/**
 * How a server takes constrained JSON: `json_schema` (OpenAI's structured outputs; Ollama,
 * llama.cpp, vLLM and LM Studio accept it), `json_object` (no schema), or not at all.
 */
export type JsonSupport = 'schema' | 'object' | 'none';

/** Optional fields a server may refuse with a 400; the client retries once without the named one. */
export type OptionalField = 'stream_options' | 'response_format' | 'seed';

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
