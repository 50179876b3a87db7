// The simulated engine's test harness: fast speeds, a fake clock that settles work, and the text a generation wrote.
import { vi } from 'vitest';
import type { Engine, EngineChunk } from '../../../../../workers/engines/engine.js';
import { createSimEngine } from '../../../../../workers/engines/sim/sim-engine.js';
import type { LoadInput, SimOptions } from '../../../../../src/models/worker/model-protocol.js';
import { type GenerateParams } from '../../../../../src/models/model-client.js';

export const FAST: SimOptions = { timeToFirstTokenMs: 5, tokensPerSecond: 2000 };

export function loadRequest(sim: SimOptions, modelId = 'sim-swift-0.5B'): LoadInput {
  return { engine: 'sim', modelId, sim };
}

/** Runs the fake clock until `work` has settled, then gives its outcome. */
export async function settle<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  await vi.runAllTimersAsync();
  return work;
}

export async function loaded(sim: SimOptions = FAST, die = () => {}): Promise<Engine> {
  const engine = createSimEngine({ die });
  await settle(engine.load(loadRequest(sim), () => {}));
  return engine;
}

export function collect(engine: Engine, params: GenerateParams): Promise<EngineChunk[]> {
  return settle(
    (async () => {
      const chunks: EngineChunk[] = [];
      for await (const chunk of engine.generate(params)) chunks.push(chunk);
      return chunks;
    })(),
  );
}

export const textOf = (chunks: EngineChunk[]) =>
  chunks.map((chunk) => (chunk.type === 'delta' ? chunk.text : '')).join('');
export const question = (seed: number): GenerateParams => ({
  messages: [{ role: 'user', content: 'What is 123 + 456? Explain briefly.' }],
  seed,
});
