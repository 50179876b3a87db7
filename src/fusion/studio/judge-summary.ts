// What a judge's or aggregator's JSON output says, in a sentence for its studio column (the JSON stays a click away).
import { extractJsonObject, parseJudgeVerdict } from '../modes/judge-parse.js';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * A judging call's title for a person: "Response 2 (shown first) vs Response 1 (shown second)" for a
 * pair tag (the pair in the order shown to the judge); any other tag as it is.
 */
export function pairTitle(tag: string): string {
  const pair = /^(.+) vs (.+)$/.exec(tag);
  return pair ? `${pair[1]} (shown first) vs ${pair[2]} (shown second)` : tag;
}

/**
 * A sentence for a finished judging call, from its tag ("Response 1 vs Response 2", the pair in the
 * order shown; "analysis", the merge's) and the judge's answer: "The judge picked Response 2: …",
 * named as a person reads it (the judge's A/B letter stays in its raw output, a click away).
 * Null when the output cannot be read, or the call is not a judging one (a merge's synthesis is
 * prose): the column then shows the text as written.
 */
export function judgeSummary(tag: string, text: string): string | null {
  const pair = /^(.+) vs (.+)$/.exec(tag);
  if (pair) {
    const verdict = parseJudgeVerdict(text);
    if (!verdict) return null;
    const reason = verdict.reason.trim() ? `: ${verdict.reason.trim()}` : '.';
    if (verdict.winner === 'tie') return `The judge called it a tie${reason}`;
    const picked = verdict.winner === 'A' ? pair[1] : pair[2];
    return `The judge picked ${picked}${reason}`;
  }
  if (tag !== 'analysis') return null;
  const json = extractJsonObject(text);
  if (!json) return null;
  const length = (...keys: string[]): number => {
    const list = keys.map((key) => json[key]).find(Array.isArray);
    return Array.isArray(list) ? list.length : 0;
  };
  return `Analysis: ${count(length('consensus'), 'point of agreement', 'points of agreement')}, ${count(length('contradictions'), 'contradiction')}, ${count(length('unique', 'uniqueInsights'), 'unique point')}, ${count(length('blindSpots', 'blind_spots'), 'blind spot')}. The lists are in “How it was decided”.`;
}
