// The Bradley–Terry fit against cases with a known answer.
import { describe, expect, it } from 'vitest';
import { cellCounts, indexBattles } from '../../../../src/arena/rating/battles.js';
import {
  PRIOR_PRECISION,
  fitBradleyTerry,
  sigmoid,
} from '../../../../src/arena/rating/bradley-terry.js';
import { toElo } from '../../../../src/arena/rating/elo-scale.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';
import { votes } from './support.js';

const options = { source: 'human', excludeBothBad: false } as const;

function fit(list: Vote[]): Map<string, number> {
  const battles = indexBattles(list, options);
  const theta = fitBradleyTerry({
    m: battles.ids.length,
    pairFirst: battles.pairFirst,
    pairSecond: battles.pairSecond,
    cells: cellCounts(battles),
  });
  return new Map(battles.ids.map((id, i) => [id, theta[i]!]));
}

describe('fitBradleyTerry', () => {
  it.each([
    [70, 100],
    [300, 400],
    [550, 1000],
    [20, 200],
  ])('two models, %i wins of %i: strength ratio k/(n−k), within the weak prior', (k, n) => {
    const theta = fit([...votes('a', 'b', 'a', k), ...votes('a', 'b', 'b', n - k)]);
    const ratio = Math.exp(theta.get('a')! - theta.get('b')!);
    expect(ratio / (k / (n - k))).toBeCloseTo(1, 1);
    expect(Math.abs(ratio / (k / (n - k)) - 1)).toBeLessThan(0.02);
  });

  it('two models: satisfies the optimality condition exactly (k − n·σ(t) = λ·t/2)', () => {
    const theta = fit([...votes('a', 'b', 'a', 7), ...votes('a', 'b', 'b', 3)]);
    const t = theta.get('a')! - theta.get('b')!;
    expect(7 - 10 * sigmoid(t) - (PRIOR_PRECISION * t) / 2).toBeCloseTo(0, 10);
    // Hand-checked: t ≈ 0.8112 nats, so ratings ≈ 1070.5 and 929.5 (plain MLE would give ±73.6).
    expect(toElo(theta.get('a')!)).toBeCloseTo(1070.5, 0);
    expect(toElo(theta.get('b')!)).toBeCloseTo(929.5, 0);
  });

  it('three models with a known transitive order: a > b > c, and a beats c by more', () => {
    const beats = (winner: string, loser: string, n: number) => votes(winner, loser, 'a', n);
    const theta = fit([
      ...beats('a', 'b', 30),
      ...beats('b', 'a', 10),
      ...beats('b', 'c', 30),
      ...beats('c', 'b', 10),
      ...beats('a', 'c', 36),
      ...beats('c', 'a', 4),
    ]);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => theta.get(id)!);
    expect(a).toBeGreaterThan(b!);
    expect(b).toBeGreaterThan(c!);
    // 3:1 odds a over b and b over c: a over c should be near 9:1 (log 9 ≈ 2.20 nats).
    expect(a! - c!).toBeGreaterThan(2.0);
    expect(a! - c!).toBeLessThan(2.3);
  });

  it('counts a tie as half a win to each side', () => {
    const withTies = fit([
      ...votes('a', 'b', 'a', 3),
      ...votes('a', 'b', 'tie', 2),
      ...votes('a', 'b', 'b', 1),
    ]);
    const asHalves = fit([...votes('a', 'b', 'a', 4), ...votes('a', 'b', 'b', 2)]);
    expect(withTies.get('a')).toBeCloseTo(asHalves.get('a')!, 10);
    expect(withTies.get('b')).toBeCloseTo(asHalves.get('b')!, 10);
  });

  it('counts "both bad" as a tie unless excluded', () => {
    const bothBad = [...votes('a', 'b', 'a', 2), ...votes('a', 'b', 'both-bad', 4)];
    const ties = [...votes('a', 'b', 'a', 2), ...votes('a', 'b', 'tie', 4)];
    expect(fit(bothBad).get('a')).toBeCloseTo(fit(ties).get('a')!, 10);
    const battles = indexBattles(bothBad, { source: 'human', excludeBothBad: true });
    expect(battles.cells.length).toBe(2);
  });

  it('keeps a model with only wins finite (the weak prior): one win is worth about 290 points', () => {
    const one = fit(votes('a', 'b', 'a', 1));
    const many = fit(votes('a', 'b', 'a', 50));
    for (const theta of [one, many]) {
      for (const value of theta.values()) expect(Number.isFinite(value)).toBe(true);
    }
    const gap = toElo(one.get('a')!) - toElo(one.get('b')!);
    expect(gap).toBeGreaterThan(270);
    expect(gap).toBeLessThan(310);
    // More wins push it further, but never to infinity.
    expect(many.get('a')!).toBeGreaterThan(one.get('a')!);
    expect(toElo(many.get('a')!)).toBeLessThan(2000);
  });

  it('centres the strengths: the mean rating is 1000', () => {
    const theta = fit([
      ...votes('a', 'b', 'a', 5),
      ...votes('b', 'c', 'b', 3),
      ...votes('c', 'a', 'tie', 2),
    ]);
    const mean = [...theta.values()].reduce((s, t) => s + toElo(t), 0) / theta.size;
    expect(mean).toBeCloseTo(1000, 8);
  });
});
