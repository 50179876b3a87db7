// Cutting a long answer into Markdown pieces at blank lines, never inside a code fence.
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../../../src/fusion/studio/markdown-pieces.js';

const paragraph = (i: number): string => `Paragraph ${i}. ${'Some words here. '.repeat(6)}`;

describe('splitMarkdown', () => {
  it('keeps a short answer whole', () => {
    expect(splitMarkdown('# Title\n\nShort answer.')).toEqual(['# Title\n\nShort answer.']);
    expect(splitMarkdown('')).toEqual(['']);
  });

  it('cuts a long answer after blank lines into pieces that add up to the text', () => {
    const text = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
    const pieces = splitMarkdown(text, 500);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.endsWith('\n\n')).toBe(true);
      expect(piece.length).toBeGreaterThanOrEqual(500);
    }
  });

  it('never cuts inside a fenced code block, even at a blank line', () => {
    const code = ['```js', ...Array.from({ length: 30 }, (_, i) => `let x${i} = ${i};\n`), '```'];
    const text = `${paragraph(0)}\n\n${code.join('\n')}\n\n${paragraph(1)}`;
    const pieces = splitMarkdown(text, 100);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      const fences = piece.match(/^```/gm)?.length ?? 0;
      expect(fences % 2).toBe(0);
    }
  });

  it('treats a longer closing fence and tildes as fences too', () => {
    const text = `~~~~\nA\n\nB\n~~~~~\n\n${paragraph(2)}\n\n${paragraph(3)}`;
    const pieces = splitMarkdown(text, 5);
    expect(pieces[0]).toBe('~~~~\nA\n\nB\n~~~~~\n\n');
    expect(pieces.join('')).toBe(text);
  });
});
