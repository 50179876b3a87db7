// Lenient reading of judge output: JSON in fences or prose, single quotes, trailing commas, "Winner: A"; reasoning ignored.
import { answerPart } from '../../models/output/split-reasoning.js';

/**
 * A judge's pairwise verdict: which position won (A, B or a tie) and the judge's one-line reason.
 */
export interface JudgeVerdict {
  winner: 'A' | 'B' | 'tie';
  reason: string;
}

/** The first balanced {...} object in the text, repaired and parsed; null when there is none. */
export function extractJsonObject(text: string): Record<string, unknown> | null {
  for (const object of jsonObjects(text)) return object;
  return null;
}

/** Every balanced {...} object of the text that parses (after repair), in order; nested ones are not repeated. */
function* jsonObjects(text: string): Generator<Record<string, unknown>> {
  const unfenced = text.replace(/```(?:json)?/gi, '\n');
  for (let start = unfenced.indexOf('{'); start >= 0;) {
    const end = matchingBrace(unfenced, start);
    const parsed = end < 0 ? null : parseRepaired(unfenced.slice(start, end + 1));
    if (parsed) yield parsed;
    start = unfenced.indexOf('{', parsed ? end + 1 : start + 1);
  }
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

function parseRepaired(candidate: string): Record<string, unknown> | null {
  const attempts = [candidate, repair(candidate)];
  for (const attempt of attempts) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (value && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // Try the next, more forgiving, form.
    }
  }
  return null;
}

/** Small models write JS-ish objects: single quotes, bare keys, trailing commas. */
function repair(text: string): string {
  return text
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, inner: string) =>
      JSON.stringify(inner.replace(/\\'/g, "'")),
    )
    .replace(/([{,]\s*)([A-Za-z_][\w]*)\s*:/g, '$1"$2":')
    .replace(/,\s*([}\]])/g, '$1');
}

function normalizeWinner(value: unknown): JudgeVerdict['winner'] | null {
  if (typeof value !== 'string') return null;
  const cleaned = value
    .trim()
    .replace(/^(response|answer|assistant)\s+/i, '')
    .toLowerCase();
  if (cleaned === 'a') return 'A';
  if (cleaned === 'b') return 'B';
  if (cleaned === 'tie' || cleaned === 'draw' || cleaned === 'both' || cleaned === 'neither')
    return 'tie';
  return null;
}

/**
 * A verdict, or null when the judge's output cannot be read (shown as "no verdict"). Only the
 * answer counts, never the reasoning (a `<think>` block often drafts the other verdict first); in
 * the answer the last object naming a winner wins, then the last "Winner: X" line.
 */
export function parseJudgeVerdict(output: string): JudgeVerdict | null {
  const text = answerPart(output);
  let verdict: JudgeVerdict | null = null;
  for (const json of jsonObjects(text)) {
    const winner = normalizeWinner(json['winner']);
    if (winner)
      verdict = { winner, reason: typeof json['reason'] === 'string' ? json['reason'] : '' };
  }
  if (verdict) return verdict;
  const lines = [
    ...text.matchAll(
      /\b(?:winner|verdict|better response)\s*(?:is)?\s*[:=]?\s*\**\s*"?(response [ab]|[ab]|tie)\b/gi,
    ),
  ];
  const last = lines[lines.length - 1];
  const winner = normalizeWinner(last?.[1]);
  if (!winner) return null;
  const reason = /\breason\s*[:=]\s*(.+)/i.exec(text)?.[1]?.trim() ?? '';
  return { winner, reason };
}
