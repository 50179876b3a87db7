// The heat map's colours: a cell's fill from its value, and the text colour that stays readable on it.

/** A cell's fill and the colour of the number written on it, both `#rrggbb`. */
export interface CellColours {
  fill: string;
  text: string;
}

// Black rather than the page's slate text: with black or white, some choice always reaches 4.5 : 1.
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** `hsl(h s% l%)` as `#rrggbb`: h in degrees, s and l in percent (CSS Color 4's algorithm). */
export function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = sat * Math.min(light, 1 - light);
    const v = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** WCAG 2 relative luminance (0 black … 1 white) of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio (1 … 21) between two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * Rates (0 … 1): blue for a row that wins, red for one that loses, deeper the further from 50 %.
 * Counts: deeper blue for more battles, by share of `largest`. The text is black or white,
 * whichever contrasts more with the fill (always at least 4.5 : 1, WCAG AA for small text).
 */
export function cellColours(kind: 'rate' | 'count', value: number, largest: number): CellColours {
  let fill: string;
  if (kind === 'count') {
    const t = largest > 0 ? value / largest : 0;
    fill = hslToHex(230, 70, Math.round(92 - t * 47));
  } else {
    const strength = Math.abs(value - 0.5) * 2;
    fill = hslToHex(value >= 0.5 ? 220 : 0, 75, Math.round(92 - strength * 42));
  }
  const text =
    contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
  return { fill, text };
}
