// Reads the reviewer scorecard: quotes alternate A, B, A, B…; footer lines after them are ignored.
import { PageFormatError, type PageLine } from './line-cursor.js';
import type { ScorecardRow } from '../types.js';

const OPENING = ['“', '"'];
const CLOSING = ['”', '"'];

/**
 * `lines` are every line after "Reviewer scorecard". A page needs at least one pair of quotes;
 * an odd number of quotes, or a non-quote line between quotes, is an odd structure.
 */
export function parseScorecard(
  lines: PageLine[],
  labelLine: number,
  toolNames: [string, string],
): ScorecardRow[] {
  const quotes: PageLine[] = [];
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || !startsQuote(line.text)) break;
    quotes.push({ text: quoteText(line), number: line.number });
  }
  const footer = lines.slice(index);
  const interrupting = footer[0];
  const strayQuote = footer.find((line) => startsQuote(line.text));
  if (interrupting !== undefined && strayQuote !== undefined) {
    throw new PageFormatError(
      interrupting.number,
      'a quote in curly quotes “…”',
      `Line ${interrupting.number} is not a quote, but the scorecard continues on line ${strayQuote.number}.`,
    );
  }
  if (quotes.length === 0) {
    const line = interrupting?.number ?? labelLine;
    throw new PageFormatError(
      line,
      'at least one pair of quotes “…” after "Reviewer scorecard"',
      `The scorecard has no quotes: expected a quote about ${toolNames[0]} on line ${line}.`,
    );
  }
  const unpaired = quotes[quotes.length - 1];
  if (quotes.length % 2 === 1 && unpaired !== undefined) {
    throw new PageFormatError(
      unpaired.number,
      `a quote about ${toolNames[1]} after the quote on line ${unpaired.number}`,
      `The scorecard has ${quotes.length} quotes; each row needs one quote per tool.`,
    );
  }
  const rows: ScorecardRow[] = [];
  for (let i = 0; i + 1 < quotes.length; i += 2) {
    rows.push({ a: quotes[i]?.text ?? '', b: quotes[i + 1]?.text ?? '' });
  }
  return rows;
}

function startsQuote(text: string): boolean {
  return OPENING.some((mark) => text.startsWith(mark));
}

function quoteText(line: PageLine): string {
  const text = line.text;
  const closed = text.length >= 2 && CLOSING.some((mark) => text.endsWith(mark));
  const inner = closed ? text.slice(1, -1).trim() : '';
  if (!closed || inner.length === 0) {
    throw new PageFormatError(
      line.number,
      'a quote closed with ”',
      closed
        ? `The quote on line ${line.number} is empty.`
        : `The quote on line ${line.number} is not closed with ”.`,
    );
  }
  return inner;
}
