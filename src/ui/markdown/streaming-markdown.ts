// Makes a Markdown text that is still arriving render as its finished form will: no half fences, no stray backticks.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A prefix of a Markdown text, tidied for display while the rest streams in. An open fenced code
 * block is closed (so its lines show as code, not as a paragraph that jumps later); a closing fence
 * that has only partly arrived, an opening fence whose line is unfinished, an inline code span not
 * yet closed and a half-written table delimiter row are held back until they complete. Everything
 * held back is on the last, unfinished line, so it shows a few characters later. Pure.
 */
export function tidyStreamingMarkdown(text: string): string {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  let fence: string | null = null;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (!marker) continue;
    if (fence === null) fence = marker;
    else if (closes(marker, fence) && line.trim() === marker) fence = null;
  }
  const before = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  if (fence !== null) {
    // A last line made only of the fence's character may be its closing fence arriving.
    const shown = new RegExp(`^ {0,3}\\${fence[0]}*$`).test(last) ? '' : last;
    return `${before}${shown}${shown === '' ? '' : '\n'}${fence}`;
  }
  return before + tidyLastLine(last, lines.at(-1) ?? '');
}

function closes(marker: string, fence: string): boolean {
  return marker[0] === fence[0] && marker.length >= fence.length;
}

function tidyLastLine(line: string, previous: string): string {
  // One or two backticks may be a fence starting; three or more with no newline yet is one whose
  // info string is still arriving.
  if (/^ {0,3}(`+|~+)[^`]*$/.test(line) && /^ {0,3}(`{1,2}|~{1,2}|`{3,}.*|~{3,}.*)$/.test(line))
    return '';
  if (previous.includes('|') && /^\s*\|?\s*:?-[-:|\s]*$/.test(line)) return '';
  return line.slice(0, openCodeSpan(line));
}

/** Where an inline code span opens without closing on this line (the line's length if none). */
function openCodeSpan(line: string): number {
  let i = line.indexOf('`');
  while (i >= 0) {
    const run = /^`+/.exec(line.slice(i))![0];
    let close = -1;
    for (let j = line.indexOf('`', i + run.length); j >= 0; j = line.indexOf('`', j + 1)) {
      const other = /^`+/.exec(line.slice(j))![0];
      if (other.length === run.length) {
        close = j;
        break;
      }
      j += other.length - 1;
    }
    if (close < 0) return i;
    i = line.indexOf('`', close + run.length);
  }
  return line.length;
}
