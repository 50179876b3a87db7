import { describe, expect, it } from 'vitest';
import { runFusion } from '../../../src/fusion/run-fusion.js';
import { toRunRecord } from '../../../src/fusion/run-to-record.js';
import { runToMarkdown } from '../../../src/fusion/to-markdown.js';
import type { FusionMode } from '../../../src/fusion/run-record.js';
import { ScriptedClient } from './scripted-client.js';

async function exportRun(mode: FusionMode) {
  const pool = [
    new ScriptedClient({
      id: 'sim-qwen',
      label: 'Qwen 0.5B',
      simulated: true,
      script: ['Answer: 391'],
    }),
    new ScriptedClient({ id: 'llama', label: 'Llama 1B', paramsB: 1, script: ['Answer: 381'] }),
    new ScriptedClient({ id: 'dead', label: 'Phi', script: [{ fail: 'device-lost' }] }),
  ];
  const judge = new ScriptedClient({
    id: 'judge',
    label: 'Judge',
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
  return runToMarkdown(toRunRecord(input, result));
}

describe('runToMarkdown', () => {
  it('labels simulated members, shows failures, the fused answer, the trace and the cost', async () => {
    const markdown = await exportRun('vote');
    expect(markdown).toContain('# Quorum run: vote');
    expect(markdown).toContain('## Prompt\n\nWhat is 17 * 23?');
    expect(markdown).toContain('### Qwen 0.5B (Simulated) — sample 1');
    expect(markdown).toContain('### Llama 1B — sample 1');
    expect(markdown).not.toContain('Llama 1B (Simulated)');
    expect(markdown).toContain('**Failed (device-lost):**');
    expect(markdown).toMatch(/## Fused answer\n\nAnswer: 3[89]1/);
    expect(markdown).toContain('## Decision trace');
    expect(markdown).toContain('| Voter | Model |');
    expect(markdown).toContain('## Cost');
    expect(markdown).toMatch(/Overhead over the fastest single answer/);
  });

  it.each<[FusionMode, string]>([
    ['best-of', '### Pairwise judging'],
    ['merge', 'Aggregator:'],
    ['debate', '### Round 0'],
  ])('renders the %s trace', async (mode, heading) => {
    expect(await exportRun(mode)).toContain(heading);
  });
});
