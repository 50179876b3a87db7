// Splits text into search tokens: lowercase, diacritics removed, letters and digits only.

const SEPARATOR = 0;
const WORD = 1;
const MARK = 2;
const nonAsciiKinds = new Map<number, number>();

/**
 * "Gémini 2.5 Flash-Lite" → ["gemini", "2", "5", "flash", "lite"]. A hand-written scan: a Unicode
 * property regex over a 6.5 KB page was the slowest step of building the index.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const tokens: string[] = [];
  let start = -1;
  let marked = false;
  for (let i = 0; i <= folded.length; i += 1) {
    const unit = i < folded.length ? folded.charCodeAt(i) : 32;
    const code = unit >= 0xd800 && unit <= 0xdbff ? (folded.codePointAt(i) ?? unit) : unit;
    const kind = code < 128 ? asciiKind(code) : nonAsciiKind(code);
    if (kind === WORD) {
      if (start < 0) start = i;
    } else if (kind === MARK && start >= 0) {
      marked = true;
    } else if (kind === SEPARATOR && start >= 0) {
      const token = folded.slice(start, i);
      tokens.push(marked ? token.replace(/\p{M}/gu, '') : token);
      start = -1;
      marked = false;
    }
    if (code > 0xffff) i += 1;
  }
  return tokens;
}

/** Decomposed (NFKD) only when needed, so "é" becomes "e" plus a mark that is dropped; lowercase. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return (/[^\u0000-\u007f]/.test(text) ? text.normalize('NFKD') : text).toLowerCase();
}

function asciiKind(code: number): number {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
    ? WORD
    : SEPARATOR;
}

function nonAsciiKind(code: number): number {
  let kind = nonAsciiKinds.get(code);
  if (kind === undefined) {
    const char = String.fromCodePoint(code);
    kind = /\p{M}/u.test(char) ? MARK : /[\p{L}\p{N}]/u.test(char) ? WORD : SEPARATOR;
    nonAsciiKinds.set(code, kind);
  }
  return kind;
}
