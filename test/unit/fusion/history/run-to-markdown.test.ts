// The Markdown and JSON exports of a run: simulated labels, failures, the fused answer, trace and cost.
import { describe, expect, it } from 'vitest';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { toRunRecord } from '../../../../src/fusion/history/run-to-record.js';
import { runToJson } from '../../../../src/fusion/history/run-to-json.js';
import { runToMarkdown } from '../../../../src/fusion/history/run-to-markdown.js';
import {
  PARTLY_SIMULATED_NOTICE,
  SIMULATED_NOTICE,
} from '../../../../src/fusion/history/run-names.js';
import type { RunRecord } from '../../../../src/fusion/history/run-record.js';
import type { FusionMode } from '../../../../src/fusion/modes/trace.js';
import { ScriptedClient } from '../scripted-client.js';

async function exportRun(mode: FusionMode, simulated = true) {
  const record = await recordRun(mode, simulated);
  return runToMarkdown(record);
}

/** `simulated`: the first member is simulated (a partly simulated pool); 'all': every model is. */
async function recordRun(mode: FusionMode, simulated: boolean | 'all' = true) {
  const all = simulated === 'all';
  const pool = [
    new ScriptedClient({
      id: 'sim-qwen',
      label: 'Qwen 0.5B',
      simulated: simulated !== false,
      script: ['Answer: 391'],
    }),
    new ScriptedClient({
      id: 'llama',
      label: 'Llama 1B',
      paramsB: 1,
      simulated: all,
      script: ['Answer: 381'],
    }),
    new ScriptedClient({
      id: 'dead',
      label: 'Phi',
      simulated: all,
      script: [{ fail: 'device-lost' }],
    }),
  ];
  const judge = new ScriptedClient({
    id: 'judge',
    label: 'Judge',
    simulated: all,
    script: ['{"winner":"A","reason":"r"}'],
  });
  const input = {
    id: 'run-1',
    mode,
    prompt: 'What is 17 * 23?',
    history: [],
    pool,
    judge,
    createdAt: 0,
  };
  const result = await runFusion({ ...input, options: { samples: 2, rounds: 1 } });
  return toRunRecord(input, result);
}

describe('runToMarkdown', () => {
  it('labels simulated members, shows failures, the fused answer, the trace and the cost', async () => {
    const markdown = await exportRun('vote');
    expect(markdown).toContain('# Quorum run: vote');
    expect(markdown).toContain('## Prompt\n\nWhat is 17 * 23?');
    expect(markdown).toContain('### Qwen 0.5B (Simulated) — sample 1');
    expect(markdown).toContain('### Llama 1B — sample 1');
    expect(markdown).not.toContain('Llama 1B (Simulated)');
    // The failure in words, not its kind code (issue 10 item 11).
    expect(markdown).toMatch(/\*\*Failed: \w[^*\n]*\*\*/);
    expect(markdown).not.toContain('(device-lost)');
    expect(markdown).toMatch(
      /## Fused answer \(partly simulated\)\n\n> \*\*Partly simulated run[^\n]*\n\nAnswer: 3[89]1/,
    );
    expect(markdown).toContain('## Decision trace');
    // Outside debate a voter is a model: one column names it (not "| Voter | Model |" twice over).
    expect(markdown).toContain('| Model | Samples |');
    expect(markdown).not.toContain('| Voter |');
    expect(markdown).toContain('## Cost');
    expect(markdown).toMatch(/Overhead over the fastest single answer \(.+ alone: /);
    expect(markdown).toMatch(
      /Overhead over the best model's single answer \(.+ alone: .*its answer won/,
    );
  });

  it('marks a run of simulated models as simulated in the header and the fused answer', async () => {
    const markdown = runToMarkdown(await recordRun('vote', 'all'));
    const [title, notice] = markdown.split('\n\n');
    expect(title).toBe('# Quorum run: vote (Simulated)');
    expect(notice).toBe(`> **${SIMULATED_NOTICE}.**`);
    const fused = markdown.slice(markdown.indexOf('## Fused answer'));
    expect(fused).toContain(SIMULATED_NOTICE);
  });

  it('marks a run where real models answered beside simulated ones as partly simulated', async () => {
    const markdown = await exportRun('vote');
    const [title, notice] = markdown.split('\n\n');
    expect(title).toBe('# Quorum run: vote (partly simulated)');
    expect(notice).toBe(`> **${PARTLY_SIMULATED_NOTICE}.**`);
    expect(markdown).not.toContain(SIMULATED_NOTICE);
    expect(markdown).toContain('### Llama 1B — sample 1');
  });

  it('does not mark a run of real models as simulated', async () => {
    const markdown = await exportRun('vote', false);
    expect(markdown).toContain('# Quorum run: vote\n');
    expect(markdown).not.toMatch(/simulated/i);
  });

  it('names a judge from outside the pool by its label, not its bare id', async () => {
    const markdown = await exportRun('best-of');
    expect(markdown).toContain('Judge: Judge\n');
    expect(markdown).toContain('(judge Judge)');
    expect(markdown).not.toContain('(judge judge)');
  });

  it('names judges of runs stored before model labels were kept from the simulated list', async () => {
    const old: RunRecord = await recordRun('best-of', false);
    delete old.models;
    delete old.simulated;
    const markdown = runToMarkdown({ ...old, judgeId: 'sim-tiny-360M' });
    // Its label already says Simulated: named once, not "Simulated Tiny 360M (Simulated)".
    expect(markdown).toContain('Judge: Simulated Tiny 360M\n');
    expect(markdown).not.toContain('Simulated Tiny 360M (Simulated)');
    // Real members and a simulated judge: partly simulated.
    expect(markdown).toContain(PARTLY_SIMULATED_NOTICE);
    // An unknown model outside the pool is still shown as an id, but quoted as one.
    expect(runToMarkdown({ ...old, judgeId: 'mystery' })).toContain('Judge: model "mystery"');
  });

  it('exports JSON with the simulated flag and notice', async () => {
    const simulated = JSON.parse(runToJson(await recordRun('vote', 'all'))) as Record<
      string,
      unknown
    >;
    expect(simulated['simulated']).toBe(true);
    expect(simulated['notice']).toBe(SIMULATED_NOTICE);
    const partly = JSON.parse(runToJson(await recordRun('vote'))) as Record<string, unknown>;
    expect(partly['simulated']).toBe(true);
    expect(partly['notice']).toBe(PARTLY_SIMULATED_NOTICE);
    const real = JSON.parse(runToJson(await recordRun('vote', false))) as Record<string, unknown>;
    expect(real['simulated']).toBe(false);
    expect(real).not.toHaveProperty('notice');
  });

  it('lists only the options the run’s mode uses, in both exports (issue 10 item 19)', async () => {
    for (const [mode, used, unused] of [
      ['vote', 'samples', ['rounds', 'agents']],
      ['debate', 'rounds', ['samples']],
      ['merge', 'temperature', ['samples', 'rounds', 'agents']],
    ] as const) {
      const record = await recordRun(mode);
      const status = /^Status: .*$/m.exec(runToMarkdown(record))?.[0] ?? '';
      const json = Object.keys((JSON.parse(runToJson(record)) as RunRecord).options);
      expect(status).toContain(`${used}=`);
      expect(json).toContain(used);
      for (const key of unused) {
        expect(status).not.toContain(`${key}=`);
        expect(json).not.toContain(key);
      }
    }
  });

  it('names its format and version first, so a reader knows what the file is', async () => {
    const json = runToJson(await recordRun('vote'));
    expect(Object.keys(JSON.parse(json) as object).slice(0, 2)).toEqual(['format', 'version']);
    expect(JSON.parse(json)).toMatchObject({ format: 'quorum-run', version: 1 });
  });

  it.each<[FusionMode, string]>([
    ['best-of', '### Pairwise judging'],
    ['merge', 'Aggregator:'],
    ['debate', '### Round 0'],
  ])('renders the %s trace', async (mode, heading) => {
    expect(await exportRun(mode)).toContain(heading);
  });

  it('folds each reasoning apart and shows model HTML and angle brackets literally', async () => {
    const pool = [
      new ScriptedClient({
        id: 'qwen3',
        label: 'Qwen3',
        script: ['<think>\nCheck <vector> first.\n</think>\n\nUse List<String> names;<|im_end|>'],
      }),
      new ScriptedClient({ id: 'llama', label: 'Llama', script: ['Use List<String> names;'] }),
    ];
    const input = {
      id: 'run-2',
      mode: 'vote' as const,
      prompt: 'Declare List<String>?',
      history: [],
      pool,
      judge: null,
      createdAt: 0,
    };
    const record = toRunRecord(input, await runFusion({ ...input, options: { samples: 1 } }));
    const markdown = runToMarkdown(record);
    expect(markdown).toContain('## Prompt\n\nDeclare List\\<String>?');
    expect(markdown).toContain(
      '### Qwen3 — sample 1\n\n_10 prompt + 5 completion tokens · 0.1 s · 50.0 tok/s_\n\n<details><summary>Reasoning</summary>\n\n```\nCheck <vector> first.\n```\n\n</details>\n\nUse List\\<String> names;',
    );
    expect(markdown).not.toMatch(/<think>|<\|im_end\|>/);
    const json = JSON.parse(runToJson(record)) as RunRecord;
    expect(json.answers[0]).toMatchObject({
      text: 'Use List<String> names;',
      reasoning: 'Check <vector> first.',
    });
  });

  it('stores the thinking choices with the run', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 1'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 1'] }),
    ];
    const input = {
      id: 'run-3',
      mode: 'vote' as const,
      prompt: 'What is 0 + 1?',
      history: [],
      pool,
      judge: null,
      createdAt: 0,
    };
    const options = { samples: 1, thinking: { a: false } };
    const record = toRunRecord(input, await runFusion({ ...input, options }));
    expect(record.thinking).toEqual({ members: { a: false }, judge: false });
    expect(runToMarkdown(record)).toMatch(/Thinking: a off; judges and aggregators off/);
  });

  it("keeps GSM8K's calculator annotations as written and says what they are; says a tie-break picked the answer", async () => {
    const pool = [
      new ScriptedClient({ id: 'a', label: 'A', script: ['9 * 2 = $<<9*2=18>>18\nA: 18'] }),
      new ScriptedClient({ id: 'b', label: 'B', script: ['9 * 3 = $<<9*3=27>>27\nA: 27'] }),
    ];
    const input = {
      id: 'run-3',
      mode: 'vote' as const,
      prompt: 'What is 9 * 2?',
      history: [],
      pool,
      judge: null,
      createdAt: 0,
    };
    const record = toRunRecord(input, await runFusion({ ...input, options: { samples: 1 } }));
    const markdown = runToMarkdown(record);
    expect(markdown).toContain('9 * 2 = $\\<\\<9*2=18>>18');
    expect(markdown).toMatch(/`<<…>>` marks are GSM8K's calculator annotations/);
    expect(markdown).toMatch(/its answer was picked by the tie-break/);
    expect(markdown).not.toMatch(/its answer won/);
    expect(runToJson(record)).toContain('<<9*2=18>>18');
    // A run without them gets no such note.
    expect(await exportRun('vote')).not.toMatch(/calculator annotations/);
  });
});
