// The simulated engine on fake timers: seeded text, token pacing, limits, aborts, unloads and injected failures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimEngine, planSimSchedule } from '../../../../../workers/engines/sim/sim-engine.js';
import { mulberry32 } from '../../../../../workers/engines/prng.js';
import { simTokens } from '../../../../../workers/engines/sim/sim-tokens.js';
import type { EngineChunk } from '../../../../../workers/engines/engine.js';
import type { LoadProgress } from '../../../../../src/models/worker/model-protocol.js';
import type { GenerateParams } from '../../../../../src/models/model-client.js';
import { SIM_MODELS } from '../../../../../src/models/list/sim-models.js';
import {
  FAST,
  collect,
  loadRequest,
  loaded,
  question,
  settle,
  textOf,
} from './sim-engine-harness.js';

// The engine sleeps on timers and measures with performance.now(): both run on a fake clock, so
// the tests take no real time and their timings do not depend on the machine's load.
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'],
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const TINY = 'sim-tiny-360M';

describe('simulated engine', () => {
  it('produces the same text for the same seed and usually different text for different seeds', async () => {
    const engine = await loaded();
    const first = textOf(await collect(engine, question(7)));
    const again = textOf(await collect(engine, question(7)));
    expect(again).toBe(first);
    const others = new Set<string>();
    for (let seed = 0; seed < 6; seed++)
      others.add(
        textOf(
          await collect(engine, {
            ...question(seed),
            messages: [{ role: 'user', content: 'Tell me about rivers' }],
          }),
        ),
      );
    expect(others.size).toBeGreaterThan(1);
  });

  it('plans the same token timing for the same seed', () => {
    const a = planSimSchedule(mulberry32(5), 20, 200, 40);
    const b = planSimSchedule(mulberry32(5), 20, 200, 40);
    const c = planSimSchedule(mulberry32(6), 20, 200, 40);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a[0]).toBeGreaterThan(150);
  });

  it('paces tokens at roughly the configured speed and reports measured usage', async () => {
    const engine = await loaded({ timeToFirstTokenMs: 60, tokensPerSecond: 100 });
    const started = performance.now();
    const chunks = await collect(engine, {
      messages: [{ role: 'user', content: 'Describe the ocean in detail please' }],
      seed: 1,
    });
    const elapsed = performance.now() - started;
    const end = chunks.at(-1);
    expect(end?.type).toBe('end');
    if (end?.type !== 'end' || !end.usage) throw new Error('no usage');
    expect(end.finishReason).toBe('stop');
    expect(end.usage.timeToFirstTokenMs).toBeGreaterThanOrEqual(45);
    const minimumMs = 60 * 0.85 + ((end.usage.completionTokens - 1) * 1000 * 0.8) / 100;
    expect(elapsed).toBeGreaterThanOrEqual(minimumMs - 5);
  });

  it('batches several tokens per tick at high speed', async () => {
    const engine = await loaded({ timeToFirstTokenMs: 0, tokensPerSecond: 250 });
    const chunks = await collect(engine, {
      messages: [{ role: 'user', content: 'Tell me a long story about mountains and rivers' }],
      seed: 2,
    });
    const deltas = chunks.filter((chunk) => chunk.type === 'delta');
    const end = chunks.at(-1);
    if (end?.type !== 'end' || !end.usage) throw new Error('no usage');
    expect(deltas.length).toBeLessThan(end.usage.completionTokens);
  });

  it('stops at maxTokens with finishReason length', async () => {
    const engine = await loaded();
    const chunks = await collect(engine, { ...question(1), maxTokens: 3 });
    const end = chunks.at(-1);
    expect(end).toMatchObject({
      type: 'end',
      finishReason: 'length',
      usage: { completionTokens: 3 },
    });
  });

  it('ends with finishReason abort and the partial text when aborted', async () => {
    const engine = await loaded({ timeToFirstTokenMs: 5, tokensPerSecond: 50 });
    const chunks: EngineChunk[] = [];
    await settle(
      (async () => {
        for await (const chunk of engine.generate({
          messages: [{ role: 'user', content: 'Tell me about forests and their animals' }],
        })) {
          chunks.push(chunk);
          if (chunk.type === 'delta') engine.abort();
        }
      })(),
    );
    expect(chunks.at(-1)).toMatchObject({ type: 'end', finishReason: 'abort' });
    expect(chunks.filter((chunk) => chunk.type === 'delta')).toHaveLength(1);
  });

  it('reports simulated download progress scaled to the model size', async () => {
    const engine = createSimEngine({ die: () => {} });
    const events: LoadProgress[] = [];
    await settle(
      engine.load(loadRequest(FAST, 'sim-sage-3B'), (progress) => events.push(progress)),
    );
    const sage = SIM_MODELS.find((model) => model.id === 'sim-sage-3B');
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]?.totalBytes).toBe((sage?.downloadMB ?? 0) * 1024 * 1024);
    expect(events.at(-1)?.phase).toBe('ready');
    const fractions = events
      .filter((event) => event.phase === 'fetch')
      .map((event) => event.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('stretches the pretend download over downloadMs, with a step every 250 ms and a falling ETA', async () => {
    const engine = createSimEngine({ die: () => {} });
    const events: LoadProgress[] = [];
    const started = Date.now();
    await settle(
      engine.load(loadRequest({ ...FAST, downloadMs: 1_500 }), (progress) => events.push(progress)),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    const fetches = events.filter((event) => event.phase === 'fetch');
    expect(fetches).toHaveLength(6);
    expect(fetches[0]?.etaMs).toBe(1_250);
    expect(fetches.map((event) => event.etaMs)).toEqual(
      [...fetches.map((event) => event.etaMs)].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );
    expect(fetches.at(-1)?.etaMs).toBe(0);
  });

  it('fails to load on request, and refuses unknown model ids', async () => {
    const engine = createSimEngine({ die: () => {} });
    await expect(
      settle(engine.load(loadRequest({ failure: { kind: 'fail-load' } }), () => {})),
    ).rejects.toThrow(/CompileError/);
    await expect(settle(engine.load(loadRequest(FAST, 'sim-nope'), () => {}))).rejects.toThrow(
      /Cannot find model record/,
    );
  });

  it('loses the device after N tokens and stays lost', async () => {
    const engine = await loaded({ ...FAST, failure: { kind: 'device-lost', afterTokens: 2 } });
    const deltas: string[] = [];
    const run = async () => {
      for await (const chunk of engine.generate(question(1)))
        if (chunk.type === 'delta') deltas.push(chunk.text);
    };
    await expect(settle(run())).rejects.toThrow(/Device was lost/);
    expect(deltas.join('').trim().split(/\s+/)).toHaveLength(2);
    await expect(collect(engine, question(1))).rejects.toThrow(/Device was lost/);
  });

  it('a failure aimed at one model leaves the others alone', async () => {
    const failure = { kind: 'device-lost', afterTokens: 2, modelId: 'sim-swift-0.5B' } as const;
    const spared = createSimEngine({ die: () => {} });
    await settle(spared.load(loadRequest({ ...FAST, failure }, 'sim-tiny-360M'), () => {}));
    expect((await collect(spared, question(1))).at(-1)?.type).toBe('end');
    const hit = await loaded({ ...FAST, failure });
    await expect(collect(hit, question(1))).rejects.toThrow(/Device was lost/);
  });

  it('calls die after N tokens for die-mid-stream', async () => {
    const die = vi.fn(() => {
      throw new Error('died');
    });
    const engine = await loaded(
      { ...FAST, failure: { kind: 'die-mid-stream', afterTokens: 3 } },
      die,
    );
    await expect(collect(engine, question(1))).rejects.toThrow('died');
    expect(die).toHaveBeenCalledOnce();
  });

  it('hangs without a token until aborted', async () => {
    const engine = await loaded({ ...FAST, failure: { kind: 'hang' } });
    const chunks = collect(engine, question(1));
    await vi.advanceTimersByTimeAsync(100);
    engine.abort();
    const result = await chunks;
    expect(result).toEqual([expect.objectContaining({ type: 'end', finishReason: 'abort' })]);
  });

  it('writes a free-text answer of exactly answerTokens tokens, the same for the same seed', async () => {
    const engine = await loaded({
      timeToFirstTokenMs: 0,
      tokensPerSecond: 20_000,
      answerTokens: 400,
    });
    const ask = (seed: number): GenerateParams => ({
      messages: [{ role: 'user', content: 'Describe the trade-offs of local inference' }],
      seed,
    });
    const first = await collect(engine, ask(3));
    const text = textOf(first);
    expect(simTokens(text)).toHaveLength(400);
    expect(first.at(-1)).toMatchObject({ finishReason: 'stop', usage: { completionTokens: 400 } });
    expect(text).toMatch(/\n\n/);
    expect(text).toMatch(/simulated/i);
    expect(textOf(await collect(engine, ask(3)))).toBe(text);
    expect(textOf(await collect(engine, ask(4)))).not.toBe(text);
  });

  it('caps answerTokens by maxTokens and leaves checkable answers short', async () => {
    const engine = await loaded({
      timeToFirstTokenMs: 0,
      tokensPerSecond: 20_000,
      answerTokens: 400,
    });
    const capped = await collect(engine, {
      messages: [{ role: 'user', content: 'Describe the trade-offs of local inference' }],
      maxTokens: 50,
    });
    expect(capped.at(-1)).toMatchObject({
      finishReason: 'length',
      usage: { completionTokens: 50 },
    });
    const checkable = textOf(await collect(engine, question(1)));
    expect(checkable).toMatch(/Answer: -?\d+$/);
    expect(simTokens(checkable).length).toBeLessThan(40);
  });

  it('never reports a decode speed above the configured one when the tokens arrive in one burst', async () => {
    const speed = 250;
    const engine = await loaded({
      timeToFirstTokenMs: 0,
      tokensPerSecond: speed,
      answerTokens: 120,
    });
    const chunksOf = engine.generate({
      messages: [{ role: 'user', content: 'Describe the trade-offs of local inference' }],
      seed: 5,
    });
    const generation = chunksOf[Symbol.asyncIterator]();
    const first = generation.next();
    // A busy machine: the worker cannot run until every token is due, so they all leave in one
    // tick. Its first timer fires 700 ms late: the clock reads 700 ms more than the timer's time.
    const clock = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => clock() + 700);
    const chunks: EngineChunk[] = [];
    await settle(
      (async () => {
        for (let next = await first; !next.done; next = await generation.next())
          chunks.push(next.value);
      })(),
    );
    const end = chunks.at(-1);
    if (end?.type !== 'end' || !end.usage) throw new Error('no usage');
    expect(chunks.filter((chunk) => chunk.type === 'delta')).toHaveLength(1);
    expect(end.usage.completionTokens).toBe(120);
    // The schedule's intervals vary by ±20 %, so its fastest possible average is 1.25 × the speed.
    expect(end.usage.decodeTokensPerS).toBeGreaterThan(0);
    expect(end.usage.decodeTokensPerS).toBeLessThanOrEqual(speed * 1.25);
    expect(end.usage.timeToFirstTokenMs).toBeGreaterThanOrEqual(600);
  });

  it('writes in the styles named for its model, and reports a cut answer as length', async () => {
    const modelStyles = { 'sim-swift-0.5B': ['think' as const, 'cut' as const] };
    const engine = await loaded({ ...FAST, styles: ['tokens'], modelStyles });
    const chunks = await collect(engine, question(1));
    expect(textOf(chunks)).toMatch(/^<think>\n/);
    expect(chunks.at(-1)).toMatchObject({ type: 'end', finishReason: 'length' });
    const other = createSimEngine({ die: () => {} });
    await settle(other.load(loadRequest({ ...FAST, styles: ['tokens'] }, TINY), () => {}));
    expect(textOf(await collect(other, question(1)))).toMatch(/(<\|[a-z_]+\|>|<end_of_turn>)$/);
  });

  it('a switchable thinker reasons by default and writes an empty block with thinking off', async () => {
    const engine = createSimEngine({ die: () => {} });
    await settle(engine.load(loadRequest(FAST, 'sim-steady-1.5B'), () => {}));
    const on = textOf(await collect(engine, question(1)));
    expect(on).toMatch(/^<think>\n\S[\s\S]*<\/think>/);
    const off = textOf(await collect(engine, { ...question(1), thinking: false }));
    expect(off).toMatch(/^<think>\n\n<\/think>\n\n/);
    const plain = textOf(await collect(await loaded(), { ...question(1), thinking: true }));
    expect(plain).not.toContain('<think>');
  });
});
