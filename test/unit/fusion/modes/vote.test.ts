// Vote: samples per model, the most self-consistent model wins, ties broken by accuracy then majority.
import { describe, expect, it } from 'vitest';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import type { VoteSample } from '../../../../src/fusion/modes/trace.js';
import { tallyVotes } from '../../../../src/fusion/modes/vote-tally.js';
import { extractAnswer } from '../../../../src/fusion/modes/extract-answer.js';
import { ScriptedClient } from '../scripted-client.js';
import { traceOf } from '../trace-of.js';

const answers = (id: string, values: string[]) =>
  new ScriptedClient({ id, script: values.map((v) => `Working...\nAnswer: ${v}`) });

const sample = (voterId: string, value: string, sampleIndex = 0): VoteSample => ({
  voterId,
  memberId: voterId,
  sampleIndex,
  text: `Answer: ${value}`,
  answer: extractAnswer(`Answer: ${value}`, 'number'),
});

describe('vote mode', () => {
  it('picks the answer of the model whose samples agree most, not the raw majority', async () => {
    // b and c each say 5 twice (4 of 9 samples), but a is the only model fully consistent with itself.
    const pool = [
      answers('a', ['7', '7', '7']),
      answers('b', ['5', '5', '9']),
      answers('c', ['8', '5', '5']),
    ];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 3 + 4?', pool });
    const trace = traceOf(result, 'vote');
    expect(result.status).toBe('done');
    expect(trace.decision?.winnerVoterId).toBe('a');
    expect(trace.decision?.winnerAnswer).toBe('7');
    expect(result.finalAnswer).toBe('Working...\nAnswer: 7');
    expect(trace.samples).toHaveLength(9);
    expect(trace.decision?.overall[0]).toEqual({ answer: '5', count: 4 });
    expect(trace.decision?.perVoter.find((t) => t.voterId === 'b')).toMatchObject({
      majority: '5',
      agreement: 2 / 3,
    });
  });

  it('samples k times per model with temperature 0.7 and distinct seeds', async () => {
    const pool = [answers('a', ['1', '2', '3']), answers('b', ['4', '5', '6'])];
    await runFusion({ mode: 'vote', prompt: 'What is 2 + 2?', pool });
    for (const client of pool) {
      expect(client.calls).toHaveLength(3);
      expect(client.calls.every((p) => p.temperature === 0.7)).toBe(true);
    }
    const seeds = pool.flatMap((c) => c.calls.map((p) => p.seed));
    expect(new Set(seeds).size).toBe(6);
  });

  it('asks a model whose sampling cannot be set once, and never lets its one answer win on agreement', async () => {
    const fixed = new ScriptedClient({
      id: 'nano',
      independentSamples: false,
      script: ['Answer: 9'],
    });
    const pool = [answers('a', ['4', '4', '5']), answers('b', ['4', '6', '7']), fixed];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 2 + 2?', pool });
    const trace = traceOf(result, 'vote');
    expect(fixed.calls).toHaveLength(1);
    expect(trace.samples.filter((s) => s.memberId === 'nano')).toHaveLength(1);
    expect(trace.decision?.winnerVoterId).toBe('a');
    expect(trace.decision?.overall).toContainEqual({ answer: '9', count: 1 });
    expect(trace.notes.join(' ')).toMatch(/nano cannot have its sampling set/);
  });

  it('breaks an agreement tie by recorded accuracy', async () => {
    const pool = [answers('a', ['1', '1', '2']), answers('b', ['3', '3', '4'])];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 1 + 2?',
      pool,
      accuracy: { a: 0.4, b: 0.9 },
    });
    const decision = traceOf(result, 'vote').decision;
    expect(decision?.winnerVoterId).toBe('b');
    expect(decision?.reason).toMatch(/recorded accuracy/);
  });

  it('breaks a tie in agreement and accuracy by the overall majority', () => {
    const samples = [
      sample('a', '1'),
      sample('a', '1', 1),
      sample('a', '2', 2),
      sample('b', '3'),
      sample('b', '3', 1),
      sample('b', '4', 2),
      sample('c', '3'),
      sample('c', '5', 1),
      sample('c', '6', 2),
    ];
    const decision = tallyVotes(samples, {}, 'number');
    expect(decision.winnerVoterId).toBe('b');
    expect(decision.winnerAnswer).toBe('3');
    expect(decision.reason).toMatch(/overall majority/);
  });

  it('stops after the first round when every model agrees', async () => {
    const pool = [
      answers('a', ['42', '1']),
      answers('b', ['42', '2']),
      answers('c', ['42.0', '3']),
    ];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 6 * 7?', pool });
    const trace = traceOf(result, 'vote');
    expect(pool.map((c) => c.calls.length)).toEqual([1, 1, 1]);
    expect(trace.earlyStop).toBe(true);
    expect(trace.notes.join(' ')).toMatch(/Stopped early/);
    expect(trace.decision?.winnerAnswer).toBe('42');
  });

  it('keeps sampling when the first round disagrees', async () => {
    const pool = [answers('a', ['42']), answers('b', ['41'])];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 6 * 7?', pool });
    expect(traceOf(result, 'vote').earlyStop).toBe(false);
    expect(pool.map((c) => c.calls.length)).toEqual([3, 3]);
  });

  it('picks the most central free-text answer', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Paris is the capital of France.'] }),
      new ScriptedClient({ id: 'b', script: ['The capital of France is Paris.'] }),
      new ScriptedClient({ id: 'c', script: ['Bananas are yellow and rich in potassium.'] }),
    ];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'Tell me about the capital of France.',
      pool,
      options: { samples: 1 },
    });
    const decision = traceOf(result, 'vote').decision;
    expect(decision?.method).toBe('centrality');
    expect(['a', 'b']).toContain(decision?.winnerVoterId);
    expect(result.finalAnswer).not.toMatch(/Bananas/);
  });

  it('does not count the finished samples of a model that dies part-way', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 9', { fail: 'device-lost' }] }),
      answers('b', ['8', '8', '7']),
    ];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 4 + 4?', pool });
    const trace = traceOf(result, 'vote');
    expect(trace.samples.filter((s) => s.memberId === 'a')).toHaveLength(1);
    // With only b counted there is nothing to vote between: b's own most frequent answer is shown.
    expect(trace.decision).toBeNull();
    expect(trace.soleMemberId).toBe('b');
    expect(result.finalAnswer).toBe('Working...\nAnswer: 8');
    expect(trace.notes.join(' ')).toMatch(
      /a failed part-way: its finished sample is shown but not counted/,
    );
  });

  it('with only one model left, fuses nothing and says so without winner or agreement wording', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', label: 'A', script: [{ fail: 'model-lib' }] }),
      new ScriptedClient({
        id: 'b',
        label: 'B',
        script: ['x\nAnswer: 4', 'y\nAnswer: 4', 'Answer: 5'],
      }),
    ];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 2 + 2?', pool });
    const trace = traceOf(result, 'vote');
    expect(result.status).toBe('done');
    expect(trace.decision).toBeNull();
    expect(trace.soleMemberId).toBe('b');
    expect(result.finalAnswer).toBe('x\nAnswer: 4');
    const notes = trace.notes.join(' ');
    expect(notes).toMatch(/Only B answered: its answer is shown, nothing was fused/);
    expect(notes).not.toMatch(/winner|consensus|agree/i);
  });

  it('lets no identical filler win a number question, and names no winner when nothing gave a number', async () => {
    const filler = (id: string) =>
      new ScriptedClient({ id, script: ['A fine question about eggs; let me think it over.'] });
    const mixed = await runFusion({
      mode: 'vote',
      prompt: 'What is 6 * 7?',
      pool: [filler('a'), filler('b'), answers('c', ['42', '41', '42'])],
    });
    const trace = traceOf(mixed, 'vote');
    // The first round's two identical fillers and a number are no unanimous agreement either.
    expect(trace.earlyStop).toBe(false);
    expect(trace.decision?.winnerAnswer).toBe('42');
    expect(mixed.finalAnswer).toMatch(/Answer: 42/);

    const none = await runFusion({
      mode: 'vote',
      prompt: 'What is 6 * 7?',
      pool: [filler('a'), filler('b')],
    });
    const empty = traceOf(none, 'vote');
    expect(empty.earlyStop).toBe(false);
    expect(none.finalAnswer).toBeNull();
    // The models answered; nothing failed: the run is done, and its trace says why nothing won.
    expect(none.status).toBe('done');
    expect(none.error).toBeNull();
    expect(empty.decision?.method).toBe('none');
    expect(empty.decision?.reason).toMatch(/^No sample gave a number/);
  });

  it('says one model gave no number rather than showing its filler as the answer', async () => {
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 6 * 7?',
      pool: [
        new ScriptedClient({ id: 'a', script: ['Eggs are nice.'] }),
        new ScriptedClient({ id: 'b', script: [{ fail: 'device-lost' }] }),
      ],
    });
    expect(result.finalAnswer).toBeNull();
    expect(traceOf(result, 'vote').notes.join(' ')).not.toMatch(/its answer is shown/);
  });
});
