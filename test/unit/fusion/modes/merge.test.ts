// Merge: unanimous answers skip synthesis; otherwise an aggregator analyses and writes one answer, or the vote decides.
import { describe, expect, it } from 'vitest';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { ScriptedClient } from '../scripted-client.js';
import { traceOf } from '../trace-of.js';

const ANALYSIS =
  'Here you go:\n```json\n{"consensus": ["both use Paris"], "contradictions": ["population differs"], "unique": ["b mentions the Seine"], "blindSpots": ["history"],}\n```';

describe('merge mode', () => {
  it('skips analysis and synthesis when the answers are unanimous, and says so', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', paramsB: 1, script: ['Answer: 391'] }),
      new ScriptedClient({ id: 'b', paramsB: 3, script: ['17*23 = 391.\nAnswer: 391'] }),
    ];
    const result = await runFusion({ mode: 'merge', prompt: 'What is 17 * 23?', pool });
    const trace = traceOf(result, 'merge');
    expect(pool.map((c) => c.calls.length)).toEqual([1, 1]);
    expect(trace.synthesisSkipped).toBe(true);
    expect(trace.notes.join(' ')).toMatch(/agree on "391".*skipped/);
    expect(result.finalAnswer).toContain('391');
    expect(result.cost.judgingMs).toBe(0);
  });

  it('has the strongest model analyse the answers as JSON, then synthesise one answer', async () => {
    const small = new ScriptedClient({
      id: 'small',
      paramsB: 0.5,
      script: ['Paris is the capital; 2M people.'],
    });
    const big = new ScriptedClient({
      id: 'big',
      paramsB: 3,
      supportsJson: true,
      script: [
        'Paris, on the Seine; 2.1M people.',
        ANALYSIS,
        'Merged: Paris, on the Seine, about 2.1M people.',
      ],
    });
    const result = await runFusion({
      mode: 'merge',
      prompt: 'Tell me about the capital of France.',
      pool: [small, big],
    });
    const trace = traceOf(result, 'merge');
    expect(trace.aggregatorId).toBe('big');
    expect(big.calls).toHaveLength(3);
    expect(big.prompts[1]).toMatch(/"consensus": \[\.\.\.\]/);
    expect(big.calls[1]?.json?.schema).toContain('blindSpots');
    expect(trace.analysis).toEqual({
      consensus: ['both use Paris'],
      contradictions: ['population differs'],
      unique: ['b mentions the Seine'],
      blindSpots: ['history'],
    });
    expect(big.prompts[2]).toMatch(/Weigh the candidates critically/);
    expect(big.prompts[2]).toContain('both use Paris');
    expect(result.finalAnswer).toBe('Merged: Paris, on the Seine, about 2.1M people.');
    expect(trace.synthesisSkipped).toBe(false);
  });

  it("uses the visitor's pick as aggregator", async () => {
    const pool = [
      new ScriptedClient({ id: 'a', paramsB: 1, script: ['one'] }),
      new ScriptedClient({ id: 'b', paramsB: 3, script: ['two'] }),
    ];
    const pick = new ScriptedClient({ id: 'pick', script: ['{"consensus":[]}', 'merged'] });
    const result = await runFusion({ mode: 'merge', prompt: 'Say something.', pool, judge: pick });
    expect(traceOf(result, 'merge').aggregatorId).toBe('pick');
    expect(pool[1]?.calls).toHaveLength(1);
    expect(result.finalAnswer).toBe('merged');
  });

  it('falls back to the vote when the aggregator and every replacement fail', async () => {
    const answerThenFail = (id: string, value: string) =>
      new ScriptedClient({ id, script: [`Answer: ${value}`, { fail: 'out-of-memory' }] });
    const pool = [answerThenFail('a', '4'), answerThenFail('b', '5')];
    const aggregator = new ScriptedClient({ id: 'agg', script: [{ fail: 'out-of-memory' }] });
    const result = await runFusion({
      mode: 'merge',
      prompt: 'What is 2 + 2?',
      pool,
      judge: aggregator,
    });
    const trace = traceOf(result, 'merge');
    expect(result.status).toBe('done');
    expect(trace.fallback?.reason).toMatch(/failed: it ran out of memory/);
    expect(trace.notes.join(' ')).toMatch(
      /agg failed as aggregator \(it ran out of memory\)\. \w aggregates instead/,
    );
    expect(result.finalAnswer).toBe(trace.fallback?.vote.winnerText);
  });

  it("reads the aggregator's analysis after its reasoning and hides members' reasoning from it", async () => {
    const small = new ScriptedClient({
      id: 'small',
      paramsB: 0.5,
      script: ['<think>\nSECRET plan\n</think>\nParis is the capital; 2M people.'],
    });
    const big = new ScriptedClient({
      id: 'big',
      paramsB: 3,
      script: [
        'Paris, on the Seine; 2.1M people.',
        `<think>\nA draft: {"consensus": ["draft"], "contradictions": [], "unique": [], "blindSpots": []}\n</think>\n${ANALYSIS}`,
        '<think>\nCombine them.\n</think>\n\nMerged: Paris, on the Seine.<|eot_id|>',
      ],
    });
    const result = await runFusion({
      mode: 'merge',
      prompt: 'Tell me about the capital of France.',
      pool: [small, big],
    });
    const trace = traceOf(result, 'merge');
    expect(big.prompts.slice(1).join('\n')).not.toMatch(/SECRET|<think>/);
    expect(trace.analysis?.consensus).toEqual(['both use Paris']);
    expect(result.finalAnswer).toBe('Merged: Paris, on the Seine.');
  });

  it('replaces an aggregator that stops producing text with the strongest pool model, and says so', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', label: 'A', paramsB: 1, script: ['Paris.'] }),
      new ScriptedClient({
        id: 'b',
        label: 'B',
        paramsB: 2,
        script: ['Lyon.', ANALYSIS, 'Merged by B: Paris.'],
      }),
    ];
    const aggregator = new ScriptedClient({ id: 'agg', label: 'Agg', script: [{ hang: true }] });
    const result = await runFusion({
      mode: 'merge',
      prompt: 'What is the capital of France?',
      pool,
      judge: aggregator,
      options: { judgeStallMs: 30 },
    });
    const trace = traceOf(result, 'merge');
    expect(trace.aggregatorId).toBe('b');
    expect(trace.notes.join(' ')).toMatch(
      /Agg failed as aggregator \(it stopped responding: no text for 0\.03 s\)\. B aggregates instead\./,
    );
    expect(result.finalAnswer).toBe('Merged by B: Paris.');
  });
});
