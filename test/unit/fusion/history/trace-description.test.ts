// The one description of each mode's trace: well-formed tables, and a Markdown export written from it.
import { describe, expect, it } from 'vitest';
import { describeTrace } from '../../../../src/fusion/history/trace-description.js';
import { excerpt } from '../../../../src/shared/excerpt.js';
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

describe('readable traces (issue 10 items 8, 10, 11)', () => {
  const long =
    'A B-tree keeps itself balanced by splitting a full node in two and moving its middle key up, so every leaf stays at the same depth.';

  it('cuts a long answer at a word with an ellipsis, and keeps a short one whole', () => {
    expect(excerpt('391')).toBe('391');
    const cut = excerpt(long);
    expect(cut.length).toBeLessThanOrEqual(61);
    expect(cut).toMatch(/^A B-tree keeps itself balanced by splitting a full node\b.*…$/);
    expect(cut).not.toMatch(/\s…$/);
  });

  it('shows excerpts in the vote tally, not whole open answers', async () => {
    const result = await runFusion({
      mode: 'vote',
      prompt: 'Explain how a B-tree stays balanced.',
      pool: [
        new ScriptedClient({ id: 'qwen', script: [long] }),
        new ScriptedClient({ id: 'llama', script: [long] }),
      ],
      judge: null,
      options: { samples: 1 },
    });
    const markdown = traceToMarkdown(traceOf(result, 'vote'), name);
    const overall = markdown.split('\n').find((line) => line.includes('Overall:')) ?? '';
    expect(overall.length).toBeLessThan(160);
    expect(overall).toMatch(/…/);
  });

  it('shows free text as written in the tally, cut, with the whole answer kept for a click', async () => {
    const other =
      'Splitting: when a node overflows, it splits and pushes its median key to the parent.';
    const result = await runFusion({
      mode: 'vote',
      prompt: 'Explain how a B-tree stays balanced.',
      pool: [
        new ScriptedClient({ id: 'qwen', script: [long] }),
        new ScriptedClient({ id: 'llama', script: [other] }),
      ],
      judge: null,
      options: { samples: 1 },
    });
    const blocks = describeTrace(traceOf(result, 'vote'), name);
    const tally = blocks.find((b) => b.kind === 'table' && b.caption === 'Vote tally');
    if (tally?.kind !== 'table') throw new Error('no tally');
    const given = tally.rows[0]?.cells[tally.head.indexOf('Answers given')]?.[0];
    expect(given).toEqual({
      excerpt: expect.stringMatching(/^A B-tree keeps .*… ×1$/),
      full: long,
    });
    const overall = blocks.find(
      (b) => b.kind === 'paragraph' && JSON.stringify(b).includes('Overall'),
    );
    expect(JSON.stringify(overall)).toMatch(/2 answers, 2 different; none given twice/);
  });

  it('shows a debate’s answers before and after as excerpts of what the agents wrote', async () => {
    const result = await runFusion({
      mode: 'debate',
      prompt: 'Explain how a B-tree stays balanced.',
      pool: [
        new ScriptedClient({ id: 'qwen', script: [long] }),
        new ScriptedClient({ id: 'llama', script: [long] }),
      ],
      judge: null,
      options: { agents: 2, rounds: 1 },
    });
    const versus = describeTrace(traceOf(result, 'debate'), name).find((b) => b.kind === 'versus');
    if (versus?.kind !== 'versus') throw new Error('no versus');
    for (const side of versus.sides) {
      expect(side.value).toMatch(/^A B-tree keeps/);
      expect(side.full).toBe(long);
    }
  });

  it('marks no winner in a merge’s agreement table, and says why', async () => {
    const blocks = describeTrace(traceOf(await run('merge'), 'merge'), name);
    const agreement = blocks.find(
      (b) => b.kind === 'table' && b.caption === 'Agreement between the answers',
    );
    if (agreement?.kind !== 'table') throw new Error('no agreement table');
    expect(agreement.rows.some((row) => row.winner)).toBe(false);
    expect(JSON.stringify(agreement.rows.map((row) => row.cells))).not.toMatch(/winner/);
    expect(JSON.stringify(blocks)).toMatch(/A merge has no winner/);
  });

  it('names debate agents without nested brackets', async () => {
    const blocks = describeTrace(traceOf(await run('debate'), 'debate'), name);
    const rounds = blocks.find((b) => b.kind === 'table' && b.caption === 'Answers by round');
    if (rounds?.kind !== 'table') throw new Error('no rounds table');
    expect(rounds.rows.map((row) => row.cells[0])).toContainEqual(['Agent 1: Name of qwen']);
  });
});
