// Chrome's built-in model as a ModelClient: a Prompt API session per call, on the page (the API exists in windows only).
import {
  ModelError,
  type ChatMessage,
  type GenerateParams,
  type GenerationEvent,
} from '../model-client.js';
import type { ManagedModelClient } from '../registry-model-client.js';
import { classified, classifyError, errorText } from '../../shared/errors.js';
import {
  TEXT_IN_ENGLISH,
  type LanguageModelSession,
  type LanguageModelStatic,
} from './prompt-api.js';

/** The one model id of Chrome's built-in model, in pools, runs and votes. */
export const BUILTIN_MODEL_ID = 'builtin:chrome-prompt-api';
/** The built-in model's name wherever Quorum shows it. */
export const BUILTIN_LABEL = 'Gemini Nano (Chrome, built in)';

/**
 * Sampling (temperature, top-K) cannot be set by a web page, and there is no seed: `temperature`
 * and `seed` are ignored, so samples are not independent draws (independentSamples: false).
 * JSON output uses the API's own `responseConstraint`. The model runs in the browser's process;
 * the page only receives the streamed text, so it stays responsive.
 */
export class BuiltinModelClient implements ManagedModelClient {
  readonly id = BUILTIN_MODEL_ID;
  readonly modelId = BUILTIN_MODEL_ID;
  readonly label = BUILTIN_LABEL;
  readonly simulated = false;
  readonly paramsB = null;
  readonly supportsJson = true;
  readonly source = { kind: 'browser' } as const;
  readonly independentSamples = false;
  readonly loaded = true;

  constructor(private readonly api: LanguageModelStatic) {}

  load(): Promise<void> {
    return Promise.resolve();
  }

  unload(): Promise<void> {
    return Promise.resolve();
  }

  async *stream(params: GenerateParams, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
    const started = performance.now();
    const { initial, input } = splitConversation(params.messages);
    let session: LanguageModelSession | null = null;
    try {
      session = await this.api.create({
        ...TEXT_IN_ENGLISH,
        ...(initial.length > 0 ? { initialPrompts: initial } : {}),
        ...(signal ? { signal } : {}),
      });
      const before = usageOf(session);
      const promptTokens = await measure(session, input);
      const constraint = params.json ? schemaOf(params.json.schema) : undefined;
      const stream = session.promptStreaming(input, {
        ...(constraint ? { responseConstraint: constraint } : {}),
        ...(signal ? { signal } : {}),
      });
      let chunks = 0;
      let firstAt: number | null = null;
      for await (const chunk of stream as unknown as AsyncIterable<string>) {
        // Stop at once, whether or not this Chrome's stream honours the signal itself.
        if (signal?.aborted) throw new ModelError(classified('aborted', 'Stopped'));
        if (typeof chunk !== 'string' || chunk === '') continue;
        firstAt ??= performance.now();
        chunks += 1;
        yield { type: 'delta', text: chunk };
      }
      const after = usageOf(session);
      const end = performance.now();
      const prompt = (before ?? 0) + (promptTokens ?? Math.ceil(input.length / 4));
      // A usage that did not grow while text came is no count of the answer: the chunks are used.
      const grown = after !== null ? after - prompt : 0;
      const measured =
        after !== null && before !== null && promptTokens !== null && (grown > 0 || chunks === 0);
      const completionTokens = measured ? Math.max(0, grown) : chunks;
      const ttft = (firstAt ?? end) - started;
      yield {
        type: 'done',
        finishReason: 'stop',
        usage: {
          promptTokens: prompt,
          completionTokens,
          timeToFirstTokenMs: ttft,
          prefillTokensPerS: ttft > 0 ? prompt / (ttft / 1000) : 0,
          decodeTokensPerS:
            end - started - ttft > 0 ? completionTokens / ((end - started - ttft) / 1000) : 0,
          totalMs: end - started,
          ...(measured ? {} : { estimated: true }),
        },
      };
    } catch (error) {
      if (signal?.aborted) throw new ModelError(classified('aborted', 'Stopped'));
      if (error instanceof ModelError) throw error;
      throw new ModelError(builtinFailure(error));
    } finally {
      session?.destroy();
    }
  }
}

/** The API takes earlier turns as initial prompts (system first) and the last user turn as input. */
function splitConversation(messages: readonly ChatMessage[]): {
  initial: ChatMessage[];
  input: string;
} {
  let last = -1;
  for (let i = messages.length - 1; i >= 0 && last < 0; i--)
    if (messages[i]?.role === 'user') last = i;
  if (last < 0) return { initial: [...messages], input: '' };
  const earlier = messages.slice(0, last);
  const system = earlier.filter((m) => m.role === 'system');
  const rest = earlier.filter((m) => m.role !== 'system');
  const merged: ChatMessage[] =
    system.length > 0
      ? [{ role: 'system', content: system.map((m) => m.content).join('\n\n') }]
      : [];
  return { initial: [...merged, ...rest], input: messages[last]?.content ?? '' };
}

function schemaOf(text: string | undefined): object {
  if (text) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object') return value;
    } catch {
      // Not a schema: ask for any JSON object instead.
    }
  }
  return { type: 'object' };
}

function usageOf(session: LanguageModelSession): number | null {
  const value = session.contextUsage ?? session.inputUsage;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

async function measure(session: LanguageModelSession, input: string): Promise<number | null> {
  try {
    const value = await session.measureInputUsage?.(input);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** The Prompt API's DOMExceptions, as a visitor can act on them. */
function builtinFailure(error: unknown): ReturnType<typeof classifyError> {
  const text = errorText(error);
  if (/NotAllowedError/.test(text))
    return classified(
      'unavailable',
      text,
      'Chrome did not let Quorum use its built-in model here (it may need a click on the page first, or be turned off by policy). Use it from /models once, then try again.',
    );
  if (/NotSupportedError|OperationError|InvalidStateError/.test(text))
    return classified(
      'unavailable',
      text,
      'Chrome’s built-in model could not answer: it may not be downloaded yet, or this device cannot run it. See its status on /models.',
    );
  if (/QuotaExceededError|too (?:large|long)/i.test(text))
    return classified(
      'bad-request',
      text,
      'The prompt is longer than Chrome’s built-in model can take. Shorten it, or leave the built-in model out of this run.',
    );
  return classifyError(error);
}
