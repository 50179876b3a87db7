// <quorum-fusion-trace> in Chromium against the Markdown export: every mode's tables have the same captions and columns.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/history/quorum-fusion-trace.js';
import { traceToMarkdown } from '../../../../src/fusion/history/trace-markdown.js';
import type { FusionMode, FusionTrace } from '../../../../src/fusion/modes/trace.js';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { ScriptedClient } from '../../../unit/fusion/scripted-client.js';

/** A finished run's trace: two members that disagree, one that fails, and a judge. */
async function traceOf(mode: FusionMode): Promise<FusionTrace> {
  const result = await runFusion({
    mode,
    prompt: 'What is 17 * 23?',
    pool: [
      new ScriptedClient({ id: 'qwen', label: 'Qwen', script: ['Answer: 391'] }),
      new ScriptedClient({ id: 'llama', label: 'Llama', script: ['Answer: 381'] }),
      new ScriptedClient({ id: 'phi', label: 'Phi', script: [{ fail: 'device-lost' }] }),
    ],
    judge: new ScriptedClient({
      id: 'judge',
      label: 'Judge',
      script: ['{"winner":"A","reason":"r"}'],
    }),
    options: { samples: 2, rounds: 1 },
  });
  if (!result.trace) throw new Error(`The ${mode} run left no trace`);
  return result.trace;
}

/** Caption → column headings of every table the page shows, folded or not. */
function pageTables(element: Element): Record<string, string[]> {
  const tables = [...(element.shadowRoot?.querySelectorAll('table') ?? [])];
  return Object.fromEntries(
    tables.map((table) => [
      table.caption?.textContent?.trim() ?? '',
      [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? ''),
    ]),
  );
}

/** Caption → column headings of every table in the Markdown ("### caption", then the head row). */
function markdownTables(markdown: string): Record<string, string[]> {
  const found = [...markdown.matchAll(/^### (.+)\n\n\| (.+) \|\n\| (?:--- \| )*--- \|$/gm)];
  return Object.fromEntries(found.map((m) => [m[1] ?? '', (m[2] ?? '').split(' | ')]));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('quorum-fusion-trace and the Markdown export', () => {
  it.each<FusionMode>(['vote', 'best-of', 'merge', 'debate'])(
    'show the same tables with the same columns for %s',
    async (mode) => {
      const trace = await traceOf(mode);
      const element = document.createElement('quorum-fusion-trace');
      element.trace = trace;
      document.body.append(element);
      await element.updateComplete;
      const onPage = pageTables(element);
      expect(Object.keys(onPage).length).toBeGreaterThan(0);
      expect(onPage).toEqual(markdownTables(traceToMarkdown(trace, (id) => id)));
    },
  );

  it('shows the vote tally with six columns (voters are the models outside debate), the winner marked', async () => {
    const element = document.createElement('quorum-fusion-trace');
    element.trace = await traceOf('vote');
    document.body.append(element);
    await element.updateComplete;
    expect(pageTables(element)['Vote tally']).toEqual([
      'Model',
      'Samples',
      'Answers given',
      'Own majority',
      'Agreement',
      'Recorded accuracy',
    ]);
    expect(element.shadowRoot?.querySelector('tr.winner .pill')?.textContent).toBe('winner');
  });

  it("names no own majority for a model none of whose samples agreed (the newcomer's 392, 389, 390)", async () => {
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 17 * 23?',
      pool: [
        new ScriptedClient({ id: 'tiny', script: ['Answer: 392', 'Answer: 389', 'Answer: 390'] }),
        new ScriptedClient({ id: 'swift', script: ['Answer: 391', 'Answer: 391', 'Answer: 390'] }),
      ],
      options: { samples: 3 },
    });
    const element = document.createElement('quorum-fusion-trace');
    element.trace = result.trace;
    document.body.append(element);
    await element.updateComplete;
    const table = [...(element.shadowRoot?.querySelectorAll('table') ?? [])].find(
      (t) => t.caption?.textContent?.trim() === 'Vote tally',
    );
    const column = pageTables(element)['Vote tally']!.indexOf('Own majority');
    const cells = [...(table?.querySelectorAll('tbody tr') ?? [])].map(
      (row) => row.children[column]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    expect(cells[0]).toMatch(/no two samples agreed/);
    expect(cells[0]).not.toMatch(/39\d/);
    expect(cells[1]).toMatch(/^391/);
  });
});

describe('quorum-fusion-trace', () => {
  it("shows answers without GSM8K's calculator annotations, keeping their results", async () => {
    const result = await runFusion({
      mode: 'vote',
      prompt: 'Janet sells 16 - 3 - 4 eggs at $2 each. How much does she make?',
      pool: [
        new ScriptedClient({
          id: 'a',
          script: [
            'She sells 16 - 3 - 4 = <<16-3-4=9>>9 eggs.\nShe makes 9 * 2 = $<<9*2=18>>18.\nA: 18',
          ],
        }),
        new ScriptedClient({ id: 'b', script: ['She makes 9 * 2 = $<<9*2=18>>18.\nA: 18'] }),
      ],
      options: { samples: 1 },
    });
    const element = document.createElement('quorum-fusion-trace');
    element.trace = result.trace;
    document.body.append(element);
    await element.updateComplete;
    const shown = element.shadowRoot?.textContent ?? '';
    expect(shown).toContain('18');
    expect(shown).not.toContain('<<');
    expect(shown).not.toContain('>>');
  });
});
