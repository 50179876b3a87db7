// Answers in a trace as the models wrote them, cut to excerpts with the whole text a click away; vote tallies.
import { percent, type Name } from '../../ui/format.js';
import { EXCERPT_CHARS, excerpt } from '../../shared/excerpt.js';
import type { ExtractedAnswer } from '../modes/extract-answer.js';
import type { AnswerCount, VoteDecision, VoterTally } from '../modes/trace.js';
import { noTwoAgreed } from '../modes/vote-tally.js';
import {
  lineBreak,
  muted,
  pill,
  strong,
  type Inline,
  type Rich,
  type TraceBlock,
} from './trace-blocks.js';
import { countOf } from '../../shared/count.js';

/** An excerpt of `full`, with the whole text a click away on the page when it was cut. */
export function clipped(full: string, max = EXCERPT_CHARS, suffix = ''): Inline {
  const short = excerpt(full, max);
  return short === full.replace(/\s+/g, ' ').trim()
    ? `${short}${suffix}`
    : { excerpt: `${short}${suffix}`, full: full.trim() };
}

/** A counted answer as a model wrote it: votes count the comparable form (lower-cased, no punctuation). */
export interface WrittenAnswer {
  /** The extracted answer as written. */
  value: string;
  /** The whole output it came from. */
  text: string;
}

/**
 * How answers were written, by their comparable form: `voterId`'s own output that gave it, else the
 * first output in the run that gave it.
 */
export type Written = (normalized: string, voterId?: string) => WrittenAnswer | undefined;

/** One output a trace shows; its voter is `voterId`, else `agentId` (debate), else `memberId`. */
interface Output {
  text: string;
  answer: ExtractedAnswer;
  voterId?: string;
  agentId?: string;
  memberId?: string;
}

/**
 * Looks up, by normalised answer, the output that gave it: a voter's own first output with that
 * answer when a voter is named (a tally row shows its own member's text), else the run's first.
 */
export function writtenAnswers(outputs: readonly Output[]): Written {
  const byForm = new Map<string, WrittenAnswer>();
  const byVoter = new Map<string, WrittenAnswer>();
  for (const { text, answer, ...who } of outputs) {
    const found = { value: answer.value, text: text || answer.value };
    const voter = who.voterId ?? who.agentId ?? who.memberId;
    const key = `${voter}\u0000${answer.normalized}`;
    if (voter !== undefined && !byVoter.has(key)) byVoter.set(key, found);
    if (!byForm.has(answer.normalized)) byForm.set(answer.normalized, found);
  }
  return (normalized, voterId) =>
    (voterId === undefined ? undefined : byVoter.get(`${voterId}\u0000${normalized}`)) ??
    byForm.get(normalized);
}

/** One answer as written (by `voterId` when named), cut for a table cell; free text keeps its whole output one click away. */
export function shownAnswer(
  normalized: string,
  written: Written,
  suffix = '',
  voterId?: string,
): Inline {
  const found = written(normalized, voterId);
  if (!found) return clipped(normalized, EXCERPT_CHARS, suffix);
  const whole = found.text.length > found.value.length ? found.text : found.value;
  const short = excerpt(found.value);
  return short === whole.replace(/\s+/g, ' ').trim()
    ? `${short}${suffix}`
    : { excerpt: `${short}${suffix}`, full: whole.trim() };
}

/**
 * Each answer with its count, one a line, as `voterId` wrote it when named; then samples that gave no
 * answer of the kind asked.
 */
export function counts(
  list: readonly AnswerCount[],
  written: Written,
  voterId?: string,
  unanswered = 0,
): Rich {
  const none: Inline[] = unanswered > 0 ? [muted(`no answer ×${unanswered}`)] : [];
  if (list.length === 0) return none.length > 0 ? none : ['—'];
  return [
    ...list.flatMap((c, i): Inline[] => [
      ...(i > 0 ? [lineBreak] : []),
      shownAnswer(c.answer, written, ` ×${c.count}`, voterId),
    ]),
    ...(none.length > 0 ? [lineBreak, ...none] : []),
  ];
}

/**
 * The overall count in one short line: short answers listed; free text (all different, or nearly)
 * summed up, with only the answers given more than once named.
 */
export function overallLine(
  decision: VoteDecision,
  written: Written,
  /** A merge's agreement table: nothing was chosen from it, so the line says only how they agreed. */
  agreement = false,
): string {
  const list = decision.overall;
  const total = list.reduce((sum, c) => sum + c.count, 0);
  const quote = (c: AnswerCount) =>
    `“${excerpt(written(c.answer)?.value ?? c.answer, 40)}” ×${c.count}`;
  if (decision.method !== 'centrality')
    return (
      [
        ...list.map(quote),
        ...(decision.unanswered ? [`no answer ×${decision.unanswered}`] : []),
      ].join(', ') || '—'
    );
  const repeated = list.filter((c) => c.count > 1);
  const summary = `${countOf(total, 'answer')}, ${list.length} different`;
  return repeated.length === 0
    ? `${summary}; none given twice${agreement ? '.' : ', so the answer closest to all the others was chosen.'}`
    : `${summary}; given more than once: ${repeated.slice(0, 3).map(quote).join(', ')}.`;
}

/** A voter's own majority; none when it gave several samples and no two of them agreed. */
function ownMajority(t: VoterTally, written: Written): Rich {
  if (t.majority === null) return ['—'];
  // Only samples that gave an answer can agree (see tallyVotes: no number on a number question is none).
  if (t.samples - (t.unanswered ?? 0) > 1 && t.counts.every((c) => c.count === 1))
    return [muted('none: no two samples agreed')];
  return [shownAnswer(t.majority, written, '', t.voterId)];
}

/**
 * A vote's tally per voter, the overall count and why. `role` 'vote' marks the winner (none when no
 * two answers agreed: a tie-break picked the one shown); 'agreement'
 * (merge) marks none: a merged answer is written from all of them, so no answer won.
 */
export function decisionBlocks(
  decision: VoteDecision,
  name: Name,
  caption: string,
  written: Written,
  role: 'vote' | 'agreement' = 'vote',
): TraceBlock[] {
  const agreement = role === 'agreement';
  // No answer given twice: the one shown was picked by a tie-break (Why says which), not won.
  const noneAgreed = noTwoAgreed(decision);
  // Outside debate each voter is a pool member: one column names it, instead of two equal ones.
  const twins = decision.perVoter.every((t) => t.voterId === t.memberId);
  return [
    {
      kind: 'table',
      caption,
      head: [
        ...(twins ? ['Model'] : ['Voter', 'Model']),
        'Samples',
        'Answers given',
        'Own majority',
        'Agreement',
        'Recorded accuracy',
      ],
      rows: decision.perVoter.map((t) => {
        const winner = !agreement && !noneAgreed && t.voterId === decision.winnerVoterId;
        const voter = t.voterId === t.memberId ? name(t.memberId) : t.voterId;
        const first: Rich = winner ? [voter, ' ', pill('winner')] : [voter];
        return {
          winner,
          cells: [
            ...(twins ? [first] : [first, [name(t.memberId)]]),
            [String(t.samples)],
            // Each row shows its own voter's outputs, not the first in the run with that answer.
            counts(t.counts, written, t.voterId, t.unanswered),
            ownMajority(t, written),
            // One sample agrees with itself, and samples with no answer agree on nothing: no percentage.
            [t.samples > 1 && t.majority !== null ? percent(t.agreement) : '—'],
            [percent(t.accuracy)],
          ],
        };
      }),
    },
    {
      kind: 'paragraph',
      text: [strong('Overall:'), ` ${overallLine(decision, written, agreement)}`],
    },
    agreement
      ? {
          kind: 'paragraph',
          text: [
            muted(
              'A merge has no winner: this table shows how far the answers agreed before the aggregator wrote one answer from all of them.',
            ),
          ],
        }
      : { kind: 'paragraph', text: [strong('Why:'), ` ${decision.reason}`] },
  ];
}
