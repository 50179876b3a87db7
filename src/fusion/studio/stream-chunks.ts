// Cuts a growing streamed Markdown text into frozen chunks and a live tail, so each frame renders only the tail.

/** A streamed text cut into frozen chunks and a growing tail. */
export interface TextChunks {
  /** Finished pieces: they never change again, so the page never renders or lays them out again. */
  readonly frozen: readonly string[];
  /** frozen.join(''), kept to check cheaply that a new text still extends it. */
  readonly frozenText: string;
  /** The end of the text that still grows. */
  readonly tail: string;
}

/** A tail this long is cut at its last blank line outside a code block. */
export const CHUNK_CHARS = 1200;
/** A tail this long with no such blank line is cut at a line break, or a space, outside code. */
export const HARD_CHUNK_CHARS = 6000;

const EMPTY: TextChunks = { frozen: [], frozenText: '', tail: '' };
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The chunks of `text`, reusing `previous` when `text` extends it (the usual case: a stream only
 * appends). Chunks end just after a blank line outside a fenced code block, where Markdown starts a
 * new block anyway, so each chunk renders as it would inside the whole text (a list whose items are
 * separated by blank lines may become two lists, which looks the same). A code block is never cut.
 */
export function chunkStreamText(previous: TextChunks | null, text: string): TextChunks {
  const base = previous && text.startsWith(previous.frozenText) ? previous : EMPTY;
  const frozen = [...base.frozen];
  let frozenText = base.frozenText;
  let tail = text.slice(frozenText.length);
  for (let cut = cutPoint(tail); cut > 0; cut = cutPoint(tail)) {
    const chunk = tail.slice(0, cut);
    frozen.push(chunk);
    frozenText += chunk;
    tail = tail.slice(cut);
  }
  if (base === previous && frozen.length === base.frozen.length) return { ...base, tail };
  return { frozen, frozenText, tail };
}

/** Where to cut the tail (0: not yet). The tail always starts outside a code block. */
function cutPoint(tail: string): number {
  if (tail.length < CHUNK_CHARS) return 0;
  let fence: string | null = null;
  let lastBlank = 0;
  let lastBreak = 0;
  let lineStart = 0;
  for (let newline = tail.indexOf('\n'); newline >= 0; newline = tail.indexOf('\n', lineStart)) {
    const line = tail.slice(lineStart, newline);
    const marker = FENCE.exec(line)?.[1];
    if (marker && fence === null) fence = marker;
    else if (marker && fence !== null && marker[0] === fence[0] && marker.length >= fence.length)
      fence = null;
    else if (fence === null && line.trim() === '') lastBlank = newline + 1;
    if (fence === null) lastBreak = newline + 1;
    lineStart = newline + 1;
  }
  // A blank line near the start would freeze a sliver; wait for a later one unless the tail is huge.
  if (lastBlank >= CHUNK_CHARS / 4) return lastBlank;
  if (tail.length < HARD_CHUNK_CHARS) return 0;
  if (lastBreak > 0) return lastBreak;
  if (fence !== null || FENCE.test(tail)) return 0;
  const space = tail.lastIndexOf(' ') + 1;
  return space > 0 ? space : tail.length;
}
