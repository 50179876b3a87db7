// Pure: what one server-sent event of an OpenAI-compatible chat-completions stream says.
import type { FinishReason } from '../model-client.js';

/** Token counts a stream's usage chunk reports. */
export interface ChunkUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What one server-sent event says: the end, a chunk of text, or an error. */
export type ChunkReading =
  | { kind: 'done' }
  | {
      kind: 'chunk';
      /** Answer text (choices[0].delta.content), '' when none. */
      text: string;
      /** Reasoning text some servers send apart (delta.reasoning_content / delta.reasoning). */
      reasoning: string;
      finishReason: FinishReason | null;
      usage: ChunkUsage | null;
    }
  /** The server reported an error inside the stream (an OpenAI error object). */
  | { kind: 'error'; message: string }
  | { kind: 'malformed'; detail: string };

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  eos: 'stop',
  tool_calls: 'stop',
  content_filter: 'stop',
};

/** Reads the data of one event: `[DONE]`, a chunk, an error object, or something else (malformed). */
export function readChatChunk(data: string): ChunkReading {
  const trimmed = data.trim();
  if (trimmed === '[DONE]') return { kind: 'done' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: 'malformed', detail: `Not JSON: ${clip(trimmed)}` };
  }
  if (!isObject(value)) return { kind: 'malformed', detail: `Not an object: ${clip(trimmed)}` };
  if (isObject(value.error))
    return { kind: 'error', message: textOf(value.error.message) || clip(trimmed) };
  const choices = value.choices;
  const usage = usageOf(value.usage);
  if (!Array.isArray(choices))
    return usage
      ? { kind: 'chunk', text: '', reasoning: '', finishReason: null, usage }
      : { kind: 'malformed', detail: `No choices: ${clip(trimmed)}` };
  const choice: unknown = choices[0];
  if (choice === undefined)
    return { kind: 'chunk', text: '', reasoning: '', finishReason: null, usage };
  if (!isObject(choice)) return { kind: 'malformed', detail: `Bad choice: ${clip(trimmed)}` };
  const delta = isObject(choice.delta) ? choice.delta : {};
  const finish = typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
  return {
    kind: 'chunk',
    text: textOf(delta.content),
    reasoning: textOf(delta.reasoning_content) || textOf(delta.reasoning),
    finishReason: finish === null ? null : (FINISH[finish] ?? 'stop'),
    usage,
  };
}

function usageOf(value: unknown): ChunkUsage | null {
  if (!isObject(value)) return null;
  const prompt = value.prompt_tokens;
  const completion = value.completion_tokens;
  if (typeof prompt !== 'number' || typeof completion !== 'number') return null;
  if (!Number.isFinite(prompt) || !Number.isFinite(completion)) return null;
  return { promptTokens: Math.max(0, prompt), completionTokens: Math.max(0, completion) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Detail text kept short: a 10 MB line must not end up in a toast or the stored run. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}
