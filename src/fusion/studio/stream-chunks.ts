// Cuts a growing streamed text into frozen chunks and a live tail, so each frame lays out only the tail.

export interface TextChunks {
  /** Finished pieces: they never change again, so the page never lays them out again. */
  readonly frozen: readonly string[];
  /** frozen.join(''), kept to check cheaply that a new text still extends it. */
  readonly frozenText: string;
  /** The end of the text that still grows. */
  readonly tail: string;
}

/** A tail this long is cut at its last line break. */
export const CHUNK_CHARS = 1200;
/** A tail this long without a line break is cut at a space (the cut then shows as a line break). */
export const HARD_CHUNK_CHARS = 6000;

const EMPTY: TextChunks = { frozen: [], frozenText: '', tail: '' };

/**
 * The chunks of `text`, reusing `previous` when `text` extends it (the usual case: a stream only
 * appends). Chunks end just after a line break, so a chunk boundary never breaks a line that the
 * text itself did not break; in pre-wrapped text, blocks cut there render exactly as one block would.
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

/** Where to cut the tail (0: not yet). */
function cutPoint(tail: string): number {
  if (tail.length < CHUNK_CHARS) return 0;
  const lineEnd = tail.lastIndexOf('\n') + 1;
  // A break near the start would freeze a sliver; wait for a later one unless the tail is huge.
  if (lineEnd >= CHUNK_CHARS / 4) return lineEnd;
  if (tail.length < HARD_CHUNK_CHARS) return 0;
  const space = tail.lastIndexOf(' ') + 1;
  return space > 0 ? space : tail.length;
}
