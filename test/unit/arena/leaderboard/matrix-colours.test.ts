// The heat map's colours: every cell's number readable on its fill (WCAG AA), the fills as before.
import { describe, expect, it } from 'vitest';
import {
  cellColours,
  contrastRatio,
  hslToHex,
  relativeLuminance,
} from '../../../../src/arena/leaderboard/matrix-colours.js';

describe('matrix colours', () => {
  it('converts HSL as CSS does and measures contrast as WCAG 2 does', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 25)).toBe('#008000');
    expect(hslToHex(230, 70, 92)).toBe('#dce1f9');
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('writes every win rate and every battle count at 4.5 : 1 or more against its fill', () => {
    const cells = [
      ...Array.from({ length: 101 }, (_, i) => cellColours('rate', i / 100, 1)),
      ...Array.from({ length: 41 }, (_, i) => cellColours('count', i, 40)),
    ];
    const worst = Math.min(...cells.map((c) => contrastRatio(c.fill, c.text)));
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('writes white on the deepest fills and black on the palest', () => {
    expect(cellColours('count', 40, 40).text).toBe('#ffffff');
    expect(cellColours('rate', 0, 1).text).toBe('#ffffff');
    expect(cellColours('rate', 0.5, 1).text).toBe('#000000');
    expect(cellColours('count', 0, 40).text).toBe('#000000');
  });
});
