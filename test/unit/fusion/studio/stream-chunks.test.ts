// Streaming text as frozen chunks plus a short live tail, so only the tail re-renders.
import { describe, expect, it } from 'vitest';
import {
  CHUNK_CHARS,
  HARD_CHUNK_CHARS,
  chunkStreamText,
  type TextChunks,
} from '../../../../src/fusion/studio/stream-chunks.js';

/** Streams `text` in pieces of `step` characters, as the studio receives it. */
function stream(text: string, step: number): TextChunks[] {
  const states: TextChunks[] = [];
  let chunks: TextChunks | null = null;
  for (let end = step; end < text.length + step; end += step) {
    chunks = chunkStreamText(chunks, text.slice(0, end));
    states.push(chunks);
  }
  return states;
}

const paragraphs = (count: number): string =>
  Array.from({ length: count }, (_, i) => `Paragraph ${i}: ${'word '.repeat(40).trim()}.`).join(
    '\n\n',
  );

describe('chunkStreamText', () => {
  it('always covers the whole text, frozen chunks then the tail', () => {
    const text = paragraphs(60);
    for (const state of stream(text, 37)) {
      const shown = state.frozen.join('') + state.tail;
      expect(text.startsWith(shown)).toBe(true);
      expect(state.frozenText).toBe(state.frozen.join(''));
    }
    const last = stream(text, 37).at(-1)!;
    expect(last.frozen.join('') + last.tail).toBe(text);
  });

  it('cuts only just after blank lines and keeps the tail short', () => {
    const states = stream(paragraphs(60), 50);
    const last = states.at(-1)!;
    expect(last.frozen.length).toBeGreaterThan(3);
    for (const chunk of last.frozen) expect(chunk.endsWith('\n\n')).toBe(true);
    for (const state of states) expect(state.tail.length).toBeLessThan(CHUNK_CHARS + 50);
  });

  it('never changes a chunk once frozen', () => {
    const states = stream(paragraphs(40), 23);
    for (let i = 1; i < states.length; i++) {
      const before = states[i - 1]!.frozen;
      const after = states[i]!.frozen;
      expect(after.slice(0, before.length)).toEqual(before);
      // The same string objects: a template binding sees nothing to update.
      before.forEach((chunk, j) => expect(after[j]).toBe(chunk));
    }
  });

  it('cuts a text without line breaks at a space once the tail is very long', () => {
    const text = 'word '.repeat(HARD_CHUNK_CHARS / 2);
    const last = stream(text, 100).at(-1)!;
    expect(last.frozen.length).toBeGreaterThan(0);
    expect(last.frozen[0]!.endsWith(' ')).toBe(true);
    expect(last.tail.length).toBeLessThan(HARD_CHUNK_CHARS);
  });

  it('never cuts inside a fenced code block, even at a blank line', () => {
    const code = ['```js', ...Array.from({ length: 200 }, (_, i) => `let x${i} = ${i};\n`), '```'];
    const text = `${paragraphs(3)}\n\n${code.join('\n')}\n\n${paragraphs(10)}`;
    const last = stream(text, 40).at(-1)!;
    expect(last.frozen.join('') + last.tail).toBe(text);
    expect(last.frozen.length).toBeGreaterThan(1);
    for (const chunk of last.frozen) expect((chunk.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
  });

  it('starts over when the text no longer extends the frozen part', () => {
    const first = stream(paragraphs(30), 100).at(-1)!;
    const replaced = chunkStreamText(first, 'Something else entirely');
    expect(replaced).toEqual({ frozen: [], frozenText: '', tail: 'Something else entirely' });
  });
});
