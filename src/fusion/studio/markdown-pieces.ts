// Splits a long Markdown answer at blank lines outside code fences, so it can be rendered piece by piece.

/** Pieces are cut at the first blank line after this many characters. */
export const PIECE_CHARS = 3000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Pieces whose concatenation is the text. A cut falls only after a blank line outside a fenced code
 * block, where Markdown starts a new block anyway, so each piece renders as it would in the whole
 * (a list whose items are separated by blank lines may become two lists, which looks the same).
 */
export function splitMarkdown(text: string, pieceChars = PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let start = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, newline < 0 ? text.length : newline);
    const marker = FENCE.exec(line)?.[1];
    if (marker && fence === null) fence = marker[0]!.repeat(marker.length);
    else if (marker && fence !== null && marker.startsWith(fence)) fence = null;
    else if (fence === null && line.trim() === '' && lineEnd - start >= pieceChars) {
      pieces.push(text.slice(start, lineEnd));
      start = lineEnd;
    }
    lineStart = lineEnd;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}
