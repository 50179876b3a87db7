// Parses one comparison page (format in DATA.md) into a ComparisonPage, or a ParseError value.
import { errorText } from '../../shared/errors.js';
import { PageCursor, PageFormatError, preview, type PageLine } from './line-cursor.js';
import { parseScorecard } from './parse-scorecard.js';
import { slugify } from './slugify.js';
import type { ComparisonPage, ParseResult, ToolSnapshot } from '../types.js';

/** The first line of every comparison page. */
export const PAGE_HEADER = 'AI tool comparison';
const TITLE_SEPARATOR = ' vs ';
/** Pages write "no value" as an em dash; en dash and hyphen are accepted as the same. */
const NO_VALUE = new Set(['—', '–', '-']);

/** Never throws: every problem, even an unexpected one, comes back as `{ ok: false, error }`. */
export function parseComparisonPage(text: string, fileName: string): ParseResult {
  try {
    return { ok: true, page: readPage(PageCursor.fromText(text)) };
  } catch (cause) {
    if (cause instanceof PageFormatError) {
      return {
        ok: false,
        error: { fileName, line: cause.line, expected: cause.expected, message: cause.message },
      };
    }
    return {
      ok: false,
      error: {
        fileName,
        line: 1,
        expected: 'a comparison page',
        message: `${fileName} could not be read: ${errorText(cause)}`,
      },
    };
  }
}

function readPage(cursor: PageCursor): ComparisonPage {
  if (cursor.isEmpty) {
    throw new PageFormatError(1, `the header "${PAGE_HEADER}"`, 'The page is empty.');
  }
  cursor.expectLabel(PAGE_HEADER);
  const titleLine = cursor.next('a title "<Tool A> vs <Tool B>"');
  const splits = titleSplits(titleLine);
  const intro = cursor.next('an intro sentence').text;
  const toolA = readTool(
    cursor,
    splits.map((split) => split.a),
    titleLine,
  );
  const split = splits.find((candidate) => candidate.a === toolA.name);
  const toolB = readTool(cursor, [split?.b ?? ''], titleLine);
  const labelLine = cursor.expectLabel('Reviewer scorecard');
  const scorecard = parseScorecard(cursor.rest(), labelLine.number, [toolA.name, toolB.name]);
  return { title: titleLine.text, intro, tools: [toolA, toolB], scorecard };
}

/** Every way to cut the title at " vs "; the tool blocks decide which one is meant. */
function titleSplits(line: PageLine): { a: string; b: string }[] {
  const splits: { a: string; b: string }[] = [];
  let at = line.text.indexOf(TITLE_SEPARATOR);
  while (at !== -1) {
    const a = line.text.slice(0, at).trim();
    const b = line.text.slice(at + TITLE_SEPARATOR.length).trim();
    if (a.length > 0 && b.length > 0) splits.push({ a, b });
    at = line.text.indexOf(TITLE_SEPARATOR, at + 1);
  }
  if (splits.length === 0) {
    throw new PageFormatError(
      line.number,
      'a title "<Tool A> vs <Tool B>"',
      `The title on line ${line.number} ("${preview(line.text)}") has no " vs " between two names.`,
    );
  }
  return splits;
}

function readTool(cursor: PageCursor, names: string[], titleLine: PageLine): ToolSnapshot {
  const category = cursor.next('a category').text;
  const expectedName = `the tool name ${names.map((name) => `"${name}"`).join(' or ')} from the title`;
  const nameLine = cursor.next(expectedName);
  if (!names.includes(nameLine.text)) {
    throw new PageFormatError(
      nameLine.number,
      expectedName,
      `The tool name "${preview(nameLine.text)}" on line ${nameLine.number} does not match the title on line ${titleLine.number}.`,
    );
  }
  const tagline = cursor.next('a tagline').text;
  const panelShip = readPercentage(cursor, 'Panel ship');
  cursor.expectLabel('Panel ship');
  const community = readPercentage(cursor, 'Community');
  cursor.expectLabel('Community');
  const entry = cursor.next('an entry price such as "Free"').text;
  cursor.expectLabel('Entry');
  const description = cursor.next('a description paragraph').text;
  const name = nameLine.text;
  return { slug: slugify(name), name, category, tagline, panelShip, community, entry, description };
}

function readPercentage(cursor: PageCursor, label: string): number | null {
  const expected = `a ${label} value from 0% to 100%, or —`;
  const line = cursor.next(expected);
  if (NO_VALUE.has(line.text)) return null;
  const match = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(line.text);
  const value = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isFinite(value) || value > 100) {
    throw new PageFormatError(
      line.number,
      expected,
      `Line ${line.number} reads "${preview(line.text)}".`,
    );
  }
  return value;
}
