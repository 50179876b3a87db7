// A managed ModelClient double for tests: scripted answers per call, delays, failures, hangs; records its params.
import {
  type GenerateParams,
  type Usage,
  ModelError,
  type GenerationEvent,
} from '../../../src/models/model-client.js';
import type { ManagedModelClient } from '../../../src/models/registry-model-client.js';
import type { ClassifiedError } from '../../../src/shared/errors.js';

export type ScriptStep =
  | string
  | {
      text?: string;
      delayMs?: number;
      /** Throw this kind of error (after streaming part of the text, if any). */
      fail?: ClassifiedError['kind'];
      /** Never answer; end only when aborted (or never, if ignoreAbort). */
      hang?: boolean;
      ignoreAbort?: boolean;
      usage?: Partial<Usage>;
    };

export interface ScriptedOptions {
  id: string;
  label?: string;
  paramsB?: number | null;
  simulated?: boolean;
  supportsJson?: boolean;
  /** False: a model whose sampling cannot be set (Chrome's built-in model). */
  independentSamples?: boolean;
  /** A list (the last step repeats) or a function of the params and call index. */
  script: ScriptStep[] | ((params: GenerateParams, call: number) => ScriptStep);
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new ModelError({ kind: 'aborted', message: 'aborted' }));
    });
  });

/** A managed client (the studio unloads its members between stages); loading is instant. */
export class ScriptedClient implements ManagedModelClient {
  readonly id: string;
  readonly label: string;
  readonly simulated: boolean;
  readonly paramsB: number | null;
  readonly supportsJson: boolean;
  readonly independentSamples: boolean | undefined;
  readonly calls: GenerateParams[] = [];
  readonly loaded = true;
  private readonly script: ScriptedOptions['script'];

  constructor(options: ScriptedOptions) {
    this.id = options.id;
    this.label = options.label ?? options.id;
    this.simulated = options.simulated ?? false;
    this.paramsB = options.paramsB ?? null;
    this.supportsJson = options.supportsJson ?? false;
    this.independentSamples = options.independentSamples;
    this.script = options.script;
  }

  get modelId(): string {
    return this.id;
  }

  async load(): Promise<void> {}

  async unload(): Promise<void> {}

  /** The user message of each call, in order. */
  get prompts(): string[] {
    return this.calls.map((params) => params.messages[params.messages.length - 1]?.content ?? '');
  }

  async *stream(params: GenerateParams, signal?: AbortSignal): AsyncIterable<GenerationEvent> {
    const call = this.calls.length;
    this.calls.push(params);
    const raw =
      typeof this.script === 'function'
        ? this.script(params, call)
        : (this.script[Math.min(call, this.script.length - 1)] ?? '');
    const step = typeof raw === 'string' ? { text: raw } : raw;
    const text = step.text ?? '';
    if (step.hang) {
      if (step.ignoreAbort) await new Promise<never>(() => undefined);
      await sleep(1e9, signal);
    }
    if (step.delayMs) await sleep(step.delayMs, signal);
    const half = Math.ceil(text.length / 2);
    yield { type: 'delta', text: text.slice(0, half) };
    if (step.fail) throw new ModelError({ kind: step.fail, message: `scripted ${step.fail}` });
    yield { type: 'delta', text: text.slice(half) };
    const usage: Usage = {
      promptTokens: 10,
      completionTokens: 5,
      timeToFirstTokenMs: 1,
      prefillTokensPerS: 100,
      decodeTokensPerS: 50,
      totalMs: 100,
      ...step.usage,
    };
    yield { type: 'done', usage, finishReason: 'stop' };
  }
}
