// A tally's rows and lines say only what they can mean: no agreement percentage for one sample, no winner in a merge.
import { describe, expect, it } from 'vitest';
import { decisionBlocks, writtenAnswers } from '../../../../src/fusion/history/trace-answers.js';
import type { TraceBlock } from '../../../../src/fusion/history/trace-blocks.js';
import { extractAnswer } from '../../../../src/fusion/modes/extract-answer.js';
import type { VoteSample } from '../../../../src/fusion/modes/trace.js';
import { tallyVotes } from '../../../../src/fusion/modes/vote-tally.js';

const sample = (memberId: string, text: string, sampleIndex = 0): VoteSample => ({
  voterId: memberId,
  memberId,
  sampleIndex,
  text,
  answer: extractAnswer(text, 'text'),
});
const agreementColumn = (blocks: TraceBlock[]): unknown[] => {
  const table = blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no table');
  const column = table.head.indexOf('Agreement');
  return table.rows.map((row) => row.cells[column]);
};
const paragraphs = (blocks: TraceBlock[]): string =>
  blocks
    .flatMap((b) => (b.kind === 'paragraph' ? b.text : []))
    .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');

describe('decisionBlocks', () => {
  const samples = [
    sample('a', 'Bake it at 180 degrees.'),
    sample('b', 'Use a hot oven for an hour.'),
  ];
  const decision = tallyVotes(samples, {}, 'text');
  const written = writtenAnswers(samples);

  it('shows no agreement percentage for a member that gave one sample', () => {
    expect(agreementColumn(decisionBlocks(decision, (id) => id, 'Vote tally', written))).toEqual([
      ['—'],
      ['—'],
    ]);
    const twice = [...samples, sample('a', 'Bake it at 180 degrees.', 1)];
    const blocks = decisionBlocks(tallyVotes(twice, {}, 'text'), (id) => id, 'Vote tally', written);
    expect(agreementColumn(blocks)[0]).toEqual(['100%']);
  });

  it("words a merge's overall line without a choice: a merge has no winner", () => {
    const merge = paragraphs(
      decisionBlocks(decision, (id) => id, 'Agreement', written, 'agreement'),
    );
    expect(merge).toMatch(/2 answers, 2 different; none given twice\./);
    expect(merge).not.toMatch(/chosen|winner wins/);
    const vote = paragraphs(decisionBlocks(decision, (id) => id, 'Vote tally', written));
    expect(vote).toMatch(/the answer closest to all the others was chosen/);
  });

  it('marks no winner when no two answers agreed, and marks the one that won when two did', () => {
    const winners = (list: VoteSample[]) =>
      decisionBlocks(tallyVotes(list, {}, 'text'), (id) => id, 'Vote tally', writtenAnswers(list))
        .flatMap((b) => (b.kind === 'table' ? b.rows : []))
        .filter((row) => row.winner).length;
    expect(winners(samples)).toBe(0);
    const table = decisionBlocks(decision, (id) => id, 'Vote tally', written).find(
      (b) => b.kind === 'table',
    );
    if (table?.kind !== 'table') throw new Error('no table');
    expect(JSON.stringify(table.rows.map((row) => row.cells))).not.toMatch(/winner/);
    expect(winners([...samples, sample('c', 'Bake it at 180 degrees.')])).toBe(1);
  });

  it("shows each row its own member's text, not the first sample in the run with that answer", () => {
    const number = (memberId: string, text: string, sampleIndex = 0): VoteSample => ({
      ...sample(memberId, text, sampleIndex),
      answer: extractAnswer(text, 'number'),
    });
    const list = [
      number('6b-verifier', 'The custodians have 80 classrooms.\nA: 30'),
      number('175b', 'First find the total number of minutes.\nA: 30'),
    ];
    const table = decisionBlocks(
      tallyVotes(list, {}, 'number'),
      (id) => id,
      'Vote tally',
      writtenAnswers(list),
    ).find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const row = JSON.stringify(table.rows[1]!.cells);
    expect(row).toContain('First find the total number of minutes');
    expect(row).not.toContain('custodians');
  });

  it('names no own majority for a member none of whose samples agreed', () => {
    const number = (memberId: string, text: string, sampleIndex: number): VoteSample => ({
      ...sample(memberId, text, sampleIndex),
      answer: extractAnswer(text, 'number'),
    });
    const list = [
      number('tiny', 'Answer: 392', 0),
      number('tiny', 'Answer: 389', 1),
      number('tiny', 'Answer: 390', 2),
      number('swift', 'Answer: 391', 0),
      number('swift', 'Answer: 391', 1),
      number('swift', 'Answer: 390', 2),
    ];
    const table = decisionBlocks(
      tallyVotes(list, {}, 'number'),
      (id) => id,
      'Vote tally',
      writtenAnswers(list),
    ).find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const column = table.head.indexOf('Own majority');
    const cell = (row: number) => JSON.stringify(table.rows[row]!.cells[column]);
    expect(cell(0)).toMatch(/no two samples agreed/);
    expect(cell(0)).not.toMatch(/39\d/);
    expect(cell(1)).toMatch(/"excerpt":"391"/);
  });

  it('shows samples that gave no number on a number question as "no answer", in the rows and overall', () => {
    const number = (memberId: string, text: string, sampleIndex = 0): VoteSample => ({
      ...sample(memberId, text, sampleIndex),
      answer: extractAnswer(text, 'number'),
    });
    const list = [
      number('a', 'Answer: 42'),
      number('a', 'Nice eggs.', 1),
      number('b', 'Nice eggs.'),
      number('b', 'Nice eggs.', 1),
    ];
    const blocks = decisionBlocks(
      tallyVotes(list, {}, 'number'),
      (id) => id,
      'Vote tally',
      writtenAnswers(list),
    );
    const table = blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const given = table.head.indexOf('Answers given');
    expect(JSON.stringify(table.rows.map((row) => row.cells[given]))).toBe(
      JSON.stringify([
        [
          { excerpt: '42 ×1', full: 'Answer: 42' },
          { lineBreak: true },
          { text: 'no answer ×1', style: 'muted' },
        ],
        [{ text: 'no answer ×2', style: 'muted' }],
      ]),
    );
    expect(paragraphs(blocks)).toMatch(/“42” ×1, no answer ×3/);
    // b gave no answer: it agreed on nothing, so no percentage.
    expect(agreementColumn(blocks)).toEqual([['50%'], ['—']]);
    expect(paragraphs(blocks)).not.toMatch(/nice eggs/i);
  });
});
