// `npm run bench -- --only …`: merging a partial run into the previous results keeps one level of notes.
import { describe, expect, it } from 'vitest';
import type { FigureKey, FigureResult } from '../../bench/budgets.js';
import { GROUP_OF, GROUPS, mergeWithPrevious } from '../../bench/merge-results.js';

const figure = (key: FigureKey, median: number, measuredAt?: string): FigureResult => ({
  key,
  unit: 'ms',
  summary: { median, min: median, max: median, iqr: 0, runs: 1, samples: [median] },
  budget: null,
  met: null,
  note: `How ${key} is measured.`,
  ...(measuredAt ? { measuredAt } : {}),
});

const ORDER: FigureKey[] = ['mainBundleGzipBytes', 'coldLoadMs', 'firstFusionMs', 'arenaFitMs'];

describe('mergeWithPrevious', () => {
  it('keeps the fresh figures and carries the others over, each with the date of the run that measured it', () => {
    const previous = {
      date: '2026-11-30T08:00:00.000Z',
      figures: [
        figure('mainBundleGzipBytes', 1),
        figure('coldLoadMs', 2),
        figure('firstFusionMs', 3),
        figure('arenaFitMs', 4, '2026-11-29T20:00:00.000Z'),
      ],
    };
    const merged = mergeWithPrevious([figure('firstFusionMs', 30)], ['first'], previous, ORDER);
    expect(merged.figures.map((f) => [f.key, f.summary?.median, f.measuredAt])).toEqual([
      ['mainBundleGzipBytes', 1, '2026-11-30T08:00:00.000Z'],
      ['coldLoadMs', 2, '2026-11-30T08:00:00.000Z'],
      ['firstFusionMs', 30, undefined],
      ['arenaFitMs', 4, '2026-11-29T20:00:00.000Z'],
    ]);
    expect(merged.note).toBe(
      'Only first re-measured now; carried over: bundle, load from the run of 2026-11-30T08:00:00.000Z; arena from the run of 2026-11-29T20:00:00.000Z.',
    );
  });

  it('never nests the notes of earlier partial runs, however many follow one another', () => {
    let results = {
      date: '2026-11-30T01:00:00.000Z',
      notes: ['CPU load average at start: 1.00.'],
      figures: ORDER.map((key, i) => figure(key, i)),
    };
    const runs: [string, FigureKey, string][] = [
      ['2026-11-30T02:00:00.000Z', 'firstFusionMs', 'first'],
      ['2026-11-30T03:00:00.000Z', 'coldLoadMs', 'load'],
      ['2026-11-30T04:00:00.000Z', 'firstFusionMs', 'first'],
    ];
    for (const [date, key, group] of runs) {
      const merged = mergeWithPrevious([figure(key, 99)], [group], results, ORDER);
      results = {
        date,
        notes: ['CPU load average at start: 2.00.', merged.note!],
        figures: merged.figures,
      };
    }
    expect(results.notes).toEqual([
      'CPU load average at start: 2.00.',
      'Only first re-measured now; carried over: load from the run of 2026-11-30T03:00:00.000Z; bundle, arena from the run of 2026-11-30T01:00:00.000Z.',
    ]);
    expect(results.notes.join(' ')).not.toContain('its notes');
  });

  it('says nothing and keeps the figures as they are when there are no previous results', () => {
    const fresh = [figure('coldLoadMs', 5)];
    expect(mergeWithPrevious(fresh, ['load'], null, ORDER)).toEqual({ figures: fresh, note: null });
  });

  it('names a group for every figure, and only groups --only knows (or real, which has --real)', () => {
    for (const group of Object.values(GROUP_OF)) expect([...GROUPS, 'real']).toContain(group);
  });
});
