// A pool's lab accuracy beside its arena ratings: joined by model id, fusion left out, missing figures said plainly.
import { describe, expect, it } from 'vitest';
import {
  bothMeasured,
  labBesideArena,
  NO_ARENA,
  NO_LAB,
  type ArenaFigure,
} from '../../../../src/lab/results/lab-beside-arena.js';
import type { ResultEntry } from '../../../../src/lab/stats/summarise.js';

const entry = (
  id: string,
  kind: 'single' | 'fusion',
  correct: number,
  total: number,
): ResultEntry => ({
  kind,
  id,
  label: `Label ${id}`,
  correct,
  total,
  failed: 0,
  accuracy: total === 0 ? 0 : correct / total,
  ci95: [0.1, 0.9],
  tokensPerCorrect: null,
  secondsPerCorrect: null,
});

const figure = (rating: number): ArenaFigure => ({
  rating,
  lower: rating - 40,
  upper: rating + 40,
  rank: 1,
  of: 3,
  battles: 10,
  tooFewVotes: false,
});

describe('labBesideArena', () => {
  const entries = [
    entry('x', 'single', 3, 5),
    entry('y', 'single', 1, 5),
    entry('z', 'single', 0, 0),
    entry('vote', 'fusion', 4, 5),
  ];
  const ratings = new Map([
    ['x', figure(1070)],
    ['z', figure(930)],
    ['vote', figure(1200)],
    ['elsewhere', figure(1000)],
  ]);

  it('joins each model of the pool with its rating, in pool order, without the fusion modes', () => {
    const rows = labBesideArena(entries, ratings);
    expect(rows.map((r) => r.id)).toEqual(['x', 'y', 'z']);
    expect(rows[0]).toEqual({
      id: 'x',
      label: 'Label x',
      lab: { correct: 3, total: 5, accuracy: 0.6, ci95: [0.1, 0.9] },
      arena: figure(1070),
      labMissing: null,
      arenaMissing: null,
    });
    expect(bothMeasured(rows)).toBe(1);
  });

  it('says plainly which figure is missing, in its place', () => {
    const [, y, z] = labBesideArena(entries, ratings);
    expect(y!.arena).toBeNull();
    expect([y!.labMissing, y!.arenaMissing]).toEqual([null, NO_ARENA]);
    expect(z!.lab).toBeNull();
    expect(z!.arena).toEqual(figure(930));
    expect([z!.labMissing, z!.arenaMissing]).toEqual([NO_LAB, null]);
    const [none] = labBesideArena([entry('q', 'single', 0, 0)], new Map());
    expect([none!.labMissing, none!.arenaMissing]).toEqual([NO_LAB, NO_ARENA]);
  });
});
