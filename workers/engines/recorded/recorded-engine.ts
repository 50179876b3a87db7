// The recorded engine: replays real models' recorded answers (GSM8K's GPT-3 solutions, or an imported lab run).
import type { GenerateParams } from '../../../src/models/model-client.js';
import type {
  LoadInput,
  LoadProgress,
  RecordedAnswer,
  RecordedOptions,
} from '../../../src/models/worker/model-protocol.js';
import type { Engine, EngineChunk } from '../engine.js';
import { pacedDeltas, type PaceRecord } from '../paced-deltas.js';
import { simTokens } from '../sim/sim-tokens.js';
import { simUsage } from '../sim/sim-usage.js';
import { gsm8kAnswers } from './gsm8k-recording.js';
import { indexRecording, type RecordingIndex } from './recording-index.js';

/** Several tokens share one timer tick at high speeds, as in the simulated engine. */

/** Fetches a text file, reporting bytes as they arrive; the worker passes `fetch`. */
export type FetchText = (
  url: string,
  onBytes: (loaded: number, total: number) => void,
) => Promise<string>;

/**
 * The recorded engine: `load` fetches and indexes a recording of real answers (reporting bytes as they
 * arrive); `generate` streams the recorded answer to the prompt's question at a realistic pace. Throws a
 * BadRequest error without a recording, and a not-found error for a question the recording has no answer to
 * (a recorded model cannot judge or debate).
 */
export function createRecordedEngine(fetchText: FetchText = fetchWithProgress): Engine {
  let recording: { index: RecordingIndex; options: RecordedOptions } | null = null;
  let current: AbortController | null = null;

  return {
    async load(request: LoadInput, onProgress: (progress: LoadProgress) => void) {
      const options = request.recorded;
      if (!options) throw new Error('BadRequest: a recorded model needs its recording');
      const answers = await readAnswers(options, fetchText, onProgress);
      recording = { index: indexRecording(answers), options };
      onProgress(progress('ready', 1, 0, 0, `${recording.index.size} recorded answers ready`));
    },

    async *generate(params: GenerateParams): AsyncGenerator<EngineChunk> {
      if (!recording) throw new Error('ModelNotLoadedError: the recording is not loaded');
      const prompt = lastUserText(params);
      const text = recording.index.find(prompt);
      if (text === null) {
        const snippet = prompt.replace(/\s+/g, ' ').slice(0, 80);
        throw new Error(
          `RecordedAnswerNotFound: ${recording.options.label} has no recorded answer to "${snippet}"`,
        );
      }
      const controller = new AbortController();
      current = controller;
      try {
        yield* replay(text, prompt, params, recording.options, controller.signal);
      } finally {
        if (current === controller) current = null;
      }
    },

    abort() {
      current?.abort();
    },
    async unload() {
      current?.abort();
      recording = null;
    },
  };
}

async function readAnswers(
  options: RecordedOptions,
  fetchText: FetchText,
  onProgress: (progress: LoadProgress) => void,
): Promise<readonly RecordedAnswer[]> {
  const source = options.source;
  if (source.kind === 'inline') return source.answers;
  const text = await fetchText(source.url, (loaded, total) =>
    onProgress(
      progress('fetch', total > 0 ? loaded / total : 0, loaded, total, 'Fetching the recording'),
    ),
  );
  return gsm8kAnswers(text, source.column);
}

function lastUserText(params: GenerateParams): string {
  for (let i = params.messages.length - 1; i >= 0; i--) {
    const message = params.messages[i];
    if (message?.role === 'user') return message.content;
  }
  return '';
}

/** Streams the recorded text as word-like tokens on real timers; at speed 0 in one delta. */
async function* replay(
  text: string,
  prompt: string,
  params: GenerateParams,
  options: RecordedOptions,
  signal: AbortSignal,
): AsyncGenerator<EngineChunk> {
  const all = simTokens(text);
  const tokens = params.maxTokens !== undefined ? all.slice(0, params.maxTokens) : all;
  const speed = options.tokensPerSecond;
  const due = tokens.map((_, i) =>
    speed > 0 ? options.timeToFirstTokenMs + (i * 1000) / speed : 0,
  );
  const pace: PaceRecord = { start: performance.now(), firstAt: null, lastAt: null, emitted: 0 };
  yield* pacedDeltas(tokens, due, tokens.length, signal, pace, speed > 0);
  const end = performance.now();
  const finishReason = signal.aborted ? 'abort' : tokens.length < all.length ? 'length' : 'stop';
  // Token counts are word pieces of the recorded text, not the original model's tokenizer.
  const usage = simUsage(simTokens(prompt).length, pace.emitted, { ...pace, end, due });
  yield { type: 'end', finishReason, usage };
}

function progress(
  phase: LoadProgress['phase'],
  fraction: number,
  loadedBytes: number,
  totalBytes: number,
  text: string,
): LoadProgress {
  return { phase, fraction, loadedBytes, totalBytes, etaMs: null, text };
}

async function fetchWithProgress(
  url: string,
  onBytes: (loaded: number, total: number) => void,
): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Fetching the recording failed: status ${response.status}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
  return new TextDecoder().decode(concat(chunks, loaded));
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
