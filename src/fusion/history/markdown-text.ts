// Model and visitor text embedded in an exported Markdown file so that a Markdown reader shows it as written.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The text with every `<` outside code escaped (`\<`), so raw HTML, `List<String>` or `<vector>`
 * show literally in any Markdown reader instead of being dropped or turned into elements; Markdown
 * itself (emphasis, lists, tables, code) keeps working. Code spans and fenced blocks are left as
 * they are, since Markdown already shows them literally. Single newlines become hard breaks, so the
 * lines show as written. Pure.
 */
export function literalMarkdown(text: string): string {
  let fence: string | null = null;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return hardBreak(escapeOutsideCodeSpans(line), lines[i + 1]);
    })
    .join('\n');
}

/**
 * A line followed by another keeps its break: Markdown joins single newlines into one line, so
 * "two\nlines" would read as "two lines". Two trailing spaces are a hard break in every reader,
 * and are ignored where a block ends anyway (a list item, a table row, a heading).
 */
function hardBreak(line: string, next: string | undefined): string {
  if (!line.trim() || next === undefined || !next.trim() || / {2}$|\\$/.test(line)) return line;
  return `${line}  `;
}

/** A code span opens with a run of backticks and closes at the next run of the same length. */
function escapeOutsideCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick < 0) return out + escape(line.slice(i));
    out += escape(line.slice(i, tick));
    const run = /^`+/.exec(line.slice(tick))![0];
    const close = findRun(line, tick + run.length, run.length);
    const end = close < 0 ? tick + run.length : close + run.length;
    out += line.slice(tick, end);
    i = end;
  }
  return out;
}

function findRun(line: string, from: number, length: number): number {
  for (let i = line.indexOf('`', from); i >= 0; i = line.indexOf('`', i + 1)) {
    const run = /^`+/.exec(line.slice(i))![0];
    if (run.length === length) return i;
    i += run.length - 1;
  }
  return -1;
}

const escape = (text: string): string => text.replace(/</g, '\\<');

/** The text in a fenced code block whose fence is longer than any backtick run inside it. */
export function fencedBlock(text: string, info = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** A model's reasoning, folded under a "Reasoning" summary and shown literally. */
export function foldedReasoning(reasoning: string): string {
  return `<details><summary>Reasoning</summary>\n\n${fencedBlock(reasoning)}\n\n</details>`;
}
