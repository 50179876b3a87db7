// The one description of each mode's trace: well-formed tables, and a Markdown export written from it.
import { describe, expect, it } from 'vitest';
import { describeTrace } from '../../../../src/fusion/history/trace-description.js';
import { traceToMarkdown } from '../../../../src/fusion/history/trace-markdown.js';
import type { FusionMode } from '../../../../src/fusion/modes/trace.js';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { ScriptedClient } from '../scripted-client.js';
import { traceOf } from '../trace-of.js';

const MODES: FusionMode[] = ['vote', 'best-of', 'merge', 'debate'];
const name = (id: string) => `Name of ${id}`;

async function run(mode: FusionMode) {
  return runFusion({
    mode,
    prompt: 'What is 17 * 23?',
    pool: [
      new ScriptedClient({ id: 'qwen', script: ['Answer: 391'] }),
      new ScriptedClient({ id: 'llama', script: ['Answer: 381'] }),
    ],
    judge: new ScriptedClient({ id: 'judge', script: ['{"winner":"A","reason":"r"}'] }),
    options: { samples: 2, rounds: 1 },
  });
}

describe('describeTrace', () => {
  it.each(MODES)('gives every %s table row one cell per column', async (mode) => {
    const blocks = describeTrace(traceOf(await run(mode), mode), name);
    const tables = blocks.filter((block) => block.kind === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables)
      for (const row of table.rows) expect(row.cells).toHaveLength(table.head.length);
  });

  it('names members through the given function, never by bare id', async () => {
    const markdown = traceToMarkdown(traceOf(await run('vote'), 'vote'), name);
    expect(markdown).toContain('Name of qwen');
    expect(markdown).not.toMatch(/\| qwen \|/);
  });

  it('writes the folded details out in full in the export: samples and raw judge outputs', async () => {
    expect(traceToMarkdown(traceOf(await run('vote'), 'vote'), name)).toContain(
      '### Samples\n\n| Model | Sample | Extracted answer |',
    );
    expect(traceToMarkdown(traceOf(await run('best-of'), 'best-of'), name)).toMatch(
      /### Raw judge outputs\n\n\*\*Response \d vs Response \d \(judge Name of judge\)\*\*:\n\n```\n\{"winner"/,
    );
  });

  it('marks the winning voter in the vote tally', async () => {
    const blocks = describeTrace(traceOf(await run('vote'), 'vote'), name);
    const tally = blocks.find((block) => block.kind === 'table' && block.caption === 'Vote tally');
    expect(tally?.kind === 'table' && tally.rows.filter((row) => row.winner)).toHaveLength(1);
  });
});
