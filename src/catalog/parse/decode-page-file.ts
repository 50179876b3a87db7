// Turns the bytes of an imported file into text, or a ParseError naming the file and line.
import type { ParseError } from '../types.js';

/** A comparison page is ~6.5 KB; anything over 1 MiB is not one. */
export const MAX_PAGE_BYTES = 1024 * 1024;
/** A Quorum export of 10,000 pages is ~70 MB; leave room without letting a tab run out of memory. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

/** A file's text, or why it cannot be read. */
export type DecodeResult = { ok: true; text: string } | { ok: false; error: ParseError };

/** Whether a file is read as a JSON export (by its .json extension) rather than a page. */
export function isExportFileName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.json');
}

/** The largest file of this name an import accepts. */
export function maxBytesFor(fileName: string): number {
  return isExportFileName(fileName) ? MAX_EXPORT_BYTES : MAX_PAGE_BYTES;
}

/** The error for a file over maxBytesFor its name; the importer refuses such a file before reading it. */
export function tooLargeError(fileName: string, byteLength: number): ParseError {
  const size = `${(byteLength / (1024 * 1024)).toFixed(1)} MiB`;
  const max = `${maxBytesFor(fileName) / (1024 * 1024)} MiB`;
  return {
    fileName,
    line: 1,
    expected: `a file of at most ${max}`,
    message: `${fileName} is too large (${size}).`,
  };
}

/** A file's bytes as UTF-8 text (BOM removed), or a ParseError for an empty, too large or not UTF-8 file. */
export function decodePageFile(bytes: Uint8Array, fileName: string): DecodeResult {
  if (bytes.byteLength === 0) {
    return fail(fileName, 1, 'a non-empty file', `${fileName} is empty.`);
  }
  if (bytes.byteLength > maxBytesFor(fileName)) {
    return { ok: false, error: tooLargeError(fileName, bytes.byteLength) };
  }
  let text: string;
  try {
    // ignoreBOM: true keeps the BOM in the text, so it is removed in one place below.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const line = lineOfOffset(bytes, firstInvalidUtf8Offset(bytes));
    return fail(fileName, line, 'UTF-8 text', `${fileName} is not UTF-8 text (line ${line}).`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) {
    return fail(fileName, 1, 'a non-empty file', `${fileName} holds only blank lines.`);
  }
  return { ok: true, text };
}

function fail(fileName: string, line: number, expected: string, message: string): DecodeResult {
  return { ok: false, error: { fileName, line, expected, message } };
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Where the first byte that is not well-formed UTF-8 sits, so the error can name its line. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the well-formed UTF-8 sequence starting at i (RFC 3629), or 0 if it is not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
