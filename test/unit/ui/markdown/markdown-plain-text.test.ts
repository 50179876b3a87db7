// A Markdown answer as plain words for a one-line preview: markers dropped, symbols of the text kept.
import { describe, expect, it } from 'vitest';
import { markdownPlainText } from '../../../../src/ui/markdown/markdown-plain-text.js';

describe('markdownPlainText', () => {
  it('keeps symbols that are part of the text (newcomer: "17 23 = 391")', () => {
    expect(markdownPlainText('Computing step by step: 17 * 23 = 391.')).toBe(
      'Computing step by step: 17 * 23 = 391.',
    );
    expect(markdownPlainText('a_b_c, C# and 3 > 2 | 1')).toBe('a_b_c, C# and 3 > 2 | 1');
  });

  it('keeps a product of numbers as written, never as emphasis (GSM8K: "25*5 + 10*2")', () => {
    expect(markdownPlainText('so 25*5 + 10*2 = 145 cents, and 1.5*2*3 = 9')).toBe(
      'so 25*5 + 10*2 = 145 cents, and 1.5*2*3 = 9',
    );
    // Emphasis around a number still is emphasis.
    expect(markdownPlainText('*25* and **391**')).toBe('25 and 391');
  });

  it('drops emphasis, heading, quote and list markers', () => {
    expect(
      markdownPlainText('# Result\n\n**391** is _the_ answer\n\n> quoted\n\n- one\n- two'),
    ).toBe('Result 391 is the answer quoted one two');
  });

  it('keeps code text, link labels, image descriptions and table cells', () => {
    expect(
      markdownPlainText(
        'Use `x*y` and [the docs](https://example.org) ![a chart](c.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet z = 2 * 3;\n```',
      ),
    ).toBe('Use x*y and the docs a chart a b 1 2 let z = 2 * 3;');
  });

  it('shows escaped markers as the characters they stand for', () => {
    expect(markdownPlainText('2 \\* 3 and \\_x\\_')).toBe('2 * 3 and _x_');
  });
});
