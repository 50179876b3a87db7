// The recorded engine: GSM8K's recorded solutions replayed by question, the not-recorded error, pace, imports, limits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EngineChunk } from '../../../../../workers/engines/engine.js';
import { createRecordedEngine } from '../../../../../workers/engines/recorded/recorded-engine.js';
import type {
  LoadInput,
  LoadProgress,
  RecordedOptions,
} from '../../../../../src/models/worker/model-protocol.js';
import { classifyError } from '../../../../../src/shared/errors.js';
import type { GenerateParams } from '../../../../../src/models/model-client.js';

const RECORDING = readFileSync(
  new URL('../../../../../public/eval/gsm8k-recorded-solutions.jsonl', import.meta.url),
  'utf8',
);
const FIRST = JSON.parse(RECORDING.split('\n')[0]!) as {
  question: string;
  '175b_verification': { solution: string };
  '6b_finetuning': { solution: string };
};

function request(options: Partial<RecordedOptions> = {}): LoadInput {
  return {
    engine: 'recorded',
    modelId: 'recorded-gpt3-175b-verifier',
    recorded: {
      source: {
        kind: 'gsm8k',
        url: '/eval/gsm8k-recorded-solutions.jsonl',
        column: '175b_verification',
      },
      label: 'GPT-3 175B + verifier (recorded)',
      tokensPerSecond: 0,
      timeToFirstTokenMs: 0,
      ...options,
    },
  };
}

async function loadedEngine(options: Partial<RecordedOptions> = {}) {
  const fetched: string[] = [];
  const progress: LoadProgress[] = [];
  const engine = createRecordedEngine(async (url, onBytes) => {
    fetched.push(url);
    onBytes(RECORDING.length, RECORDING.length);
    return RECORDING;
  });
  await engine.load(request(options), (p) => progress.push(p));
  return { engine, fetched, progress };
}

async function collect(chunks: AsyncIterable<EngineChunk>): Promise<EngineChunk[]> {
  const all: EngineChunk[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}
const textOf = (chunks: EngineChunk[]) =>
  chunks.map((chunk) => (chunk.type === 'delta' ? chunk.text : '')).join('');
const ask = (content: string, extra: Partial<GenerateParams> = {}): GenerateParams => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

describe('recorded engine', () => {
  it("replays the model's recorded solution to a GSM8K question, with its instructions after it", async () => {
    const { engine, fetched, progress } = await loadedEngine();
    expect(fetched).toEqual(['/eval/gsm8k-recorded-solutions.jsonl']);
    expect(progress.at(-1)).toMatchObject({ phase: 'ready', text: '1319 recorded answers ready' });
    const prompt = `${FIRST.question}\n\nWork it out step by step, then give the final answer on the last line as "Answer: <number>".`;
    const chunks = await collect(engine.generate(ask(prompt)));
    expect(textOf(chunks)).toBe(FIRST['175b_verification'].solution);
    expect(chunks.at(-1)).toMatchObject({ type: 'end', finishReason: 'stop' });
  });

  it('finds the question whatever its whitespace (GSM8K has double spaces)', async () => {
    const { engine } = await loadedEngine();
    const spaced = FIRST.question.replace(/ /g, '  ');
    expect(textOf(await collect(engine.generate(ask(spaced))))).toBe(
      FIRST['175b_verification'].solution,
    );
  });

  it('fails a question that is not in the recording with a classified not-recorded error', async () => {
    const { engine } = await loadedEngine();
    const error = await collect(engine.generate(ask('What is 17 * 23?'))).catch((e: unknown) => e);
    expect(classifyError(error)).toMatchObject({ kind: 'not-recorded' });
    expect(String(error)).toContain(
      'GPT-3 175B + verifier (recorded) has no recorded answer to "What is 17 * 23?"',
    );
  });

  it("has no answer to a judge's prompt that quotes a recorded question further down", async () => {
    const { engine } = await loadedEngine();
    const judge = `You are judging two anonymous responses.\n\nQuestion:\n"""\n${FIRST.question}\n"""`;
    const error = await collect(engine.generate(ask(judge))).catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('not-recorded');
  });

  it('streams at the configured speed: several deltas spread over time, not one', async () => {
    const { engine } = await loadedEngine({ tokensPerSecond: 400, timeToFirstTokenMs: 5 });
    const started = performance.now();
    const chunks = await collect(engine.generate(ask(FIRST.question)));
    const deltas = chunks.filter((c) => c.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(performance.now() - started).toBeGreaterThan(30);
    expect(textOf(chunks)).toBe(FIRST['175b_verification'].solution);
  });

  it('replays an imported recording sent along with the load', async () => {
    const engine = createRecordedEngine(() => Promise.reject(new Error('no fetch expected')));
    await engine.load(
      request({
        source: { kind: 'inline', answers: [{ question: 'What is 2 + 2?', text: 'Answer: 4' }] },
      }),
      () => {},
    );
    expect(textOf(await collect(engine.generate(ask('What is 2 + 2?'))))).toBe('Answer: 4');
  });

  it('stops at maxTokens and when aborted', async () => {
    const { engine } = await loadedEngine();
    const short = await collect(engine.generate(ask(FIRST.question, { maxTokens: 3 })));
    expect(short.at(-1)).toMatchObject({ type: 'end', finishReason: 'length' });
    expect(short.at(-1)).toMatchObject({ usage: { completionTokens: 3 } });
    const slow = await loadedEngine({ tokensPerSecond: 20, timeToFirstTokenMs: 0 });
    const chunks: EngineChunk[] = [];
    for await (const chunk of slow.engine.generate(ask(FIRST.question))) {
      chunks.push(chunk);
      if (chunk.type === 'delta') slow.engine.abort();
    }
    expect(chunks.at(-1)).toMatchObject({ type: 'end', finishReason: 'abort' });
  });
});
