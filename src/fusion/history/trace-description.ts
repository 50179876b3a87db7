// One description per mode of what its trace shows, built once and rendered to the page and to Markdown.
import type { Name } from '../../ui/format.js';
import type { AnswerKind } from '../modes/extract-answer.js';
import type {
  BestOfTrace,
  DebateTrace,
  FusionTrace,
  JudgeCall,
  MergeTrace,
  VoteDecision,
  VoteTrace,
} from '../modes/trace.js';
import { bad, lineBreak, muted, pill, strong, type Rich, type TraceBlock } from './trace-blocks.js';
import { EXCERPT_CHARS, excerpt } from '../../shared/excerpt.js';
import {
  clipped,
  decisionBlocks,
  shownAnswer,
  writtenAnswers,
  type Written,
} from './trace-answers.js';
import { countOf } from '../../shared/count.js';
import { countsAsVote } from '../modes/vote-tally.js';

/** The shape of answer looked for, in words. */
const KIND_WORDS: Readonly<Record<AnswerKind, string>> = {
  number: 'a number',
  choice: 'an option letter',
  yesno: 'yes or no',
  text: 'free text',
};

/** Every block of `trace`, in reading order: the expected answer, the notes, then the mode's own. */
export function describeTrace(trace: FusionTrace, name: Name): TraceBlock[] {
  const intro: TraceBlock[] = [
    { kind: 'paragraph', text: [muted(`Expected answer: ${KIND_WORDS[trace.questionKind]}.`)] },
  ];
  if (trace.notes.length > 0) intro.push({ kind: 'bullets', items: trace.notes });
  return [...intro, ...modeBlocks(trace, name)];
}

function modeBlocks(trace: FusionTrace, name: Name): TraceBlock[] {
  switch (trace.mode) {
    case 'vote':
      return voteBlocks(trace, name);
    case 'best-of':
      return bestOfBlocks(trace, name);
    case 'merge':
      return mergeBlocks(trace, name);
    case 'debate':
      return debateBlocks(trace, name);
  }
}

function fallbackBlocks(
  fallback: { reason: string; vote: VoteDecision },
  name: Name,
  written: Written,
) {
  return [
    { kind: 'note', text: [strong('Judge fallback:'), ` ${fallback.reason}`] } as const,
    ...decisionBlocks(fallback.vote, name, 'Fallback vote', written),
  ];
}

function voteBlocks(trace: VoteTrace, name: Name): TraceBlock[] {
  const n = trace.samplesPerModel;
  const stop = trace.earlyStop ? ', stopped early: the first samples were unanimous' : '';
  return [
    { kind: 'paragraph', text: [`${countOf(n, 'sample')} per model${stop}.`] },
    {
      kind: 'table',
      caption: 'Samples',
      head: ['Model', 'Sample', 'Extracted answer'],
      rows: trace.samples.map((s) => ({
        cells: [
          [name(s.memberId)],
          [String(s.sampleIndex + 1)],
          countsAsVote(s.answer, trace.questionKind)
            ? [clipped(s.answer.value, EXCERPT_CHARS, ` (${KIND_WORDS[s.answer.kind]})`)]
            : // A number was asked and none was given: the sample is no vote (see tallyVotes).
              [muted('no answer (no number)'), lineBreak, clipped(s.answer.value)],
        ],
      })),
      detail: true,
    },
    ...(trace.decision
      ? decisionBlocks(trace.decision, name, 'Vote tally', writtenAnswers(trace.samples))
      : [
          {
            kind: 'paragraph',
            text: [
              trace.soleMemberId
                ? `Only ${name(trace.soleMemberId)} answered, so no vote was taken.`
                : 'No vote was taken.',
            ],
          } as const,
        ]),
  ];
}

/** Who won in one order of a pair, and why; or why there was no verdict. */
function verdict(call: JudgeCall | undefined): Rich {
  if (!call) return ['—'];
  if (call.error)
    return call.error.kind === 'aborted'
      ? [bad('no verdict: stopped')]
      : [bad('no verdict: the judge failed'), lineBreak, muted(call.error.message)];
  if (!call.verdict) return [bad('no verdict (unreadable output)')];
  const { winner, reason } = call.verdict;
  const who = winner === 'tie' ? 'tie' : winner === 'A' ? call.first : call.second;
  return reason ? [who, lineBreak, muted(reason)] : [who];
}

const order = (call: JudgeCall | undefined): Rich => [call ? `${call.first}, ${call.second}` : '—'];

function bestOfBlocks(trace: BestOfTrace, name: Name): TraceBlock[] {
  const candidates = trace.candidates.map((c) => `${c.label} = ${name(c.memberId)}`).join(', ');
  const calls = trace.pairs.flatMap((p) => p.orders);
  return [
    { kind: 'paragraph', text: [`Candidates (anonymised for the judge): ${candidates}`] },
    {
      kind: 'table',
      caption: 'Pairwise judging, both orders',
      head: ['Pair', 'Judge', 'Shown first, second', 'Verdict', 'Swapped', 'Verdict', 'Outcome'],
      rows: trace.pairs.map((p) => {
        const [one, two] = p.orders;
        const judge = `${one ? name(one.judgeId) : '—'}${p.selfJudged ? ' (judged own answer)' : ''}`;
        const outcome = p.outcome === 'win' ? `${p.winner} wins` : p.outcome;
        return {
          cells: [
            [`${p.a} vs ${p.b}`],
            [judge],
            order(one),
            verdict(one),
            order(two),
            verdict(two),
            [strong(outcome), lineBreak, muted(p.note)],
          ],
        };
      }),
    },
    {
      kind: 'table',
      caption: 'Ranking',
      head: ['Candidate', 'Wins', 'Losses', 'Ties', 'No verdict', 'Score'],
      rows: trace.ranking.map((r) => ({
        cells: [
          `${r.label} (${name(r.memberId)})`,
          r.wins,
          r.losses,
          r.ties,
          r.noVerdicts,
          r.score,
        ].map((cell) => [String(cell)]),
      })),
    },
    {
      kind: 'raw',
      caption: 'Raw judge outputs',
      parts: calls.map((o) => ({
        title: `${o.first} vs ${o.second} (judge ${name(o.judgeId)})`,
        text: o.raw ?? '',
        ...(o.reasoning ? { reasoning: o.reasoning } : {}),
      })),
      detail: true,
    },
    ...(trace.fallback
      ? fallbackBlocks(trace.fallback, name, writtenAnswers(trace.candidates))
      : []),
  ];
}

function mergeBlocks(trace: MergeTrace, name: Name): TraceBlock[] {
  const blocks: TraceBlock[] = [
    {
      kind: 'paragraph',
      text: [`Aggregator: ${trace.aggregatorId ? name(trace.aggregatorId) : '—'}.`],
    },
  ];
  if (trace.synthesisSkipped)
    blocks.push({
      kind: 'note',
      text: [
        strong('Synthesis skipped — unanimous.'),
        ' The answers already agreed, so the agreed answer is shown as it is.',
      ],
    });
  if (trace.analysis)
    blocks.push({
      kind: 'lists',
      caption: 'Analysis',
      lists: [
        { title: 'Consensus', items: trace.analysis.consensus },
        { title: 'Contradictions', items: trace.analysis.contradictions },
        { title: 'Unique points', items: trace.analysis.unique },
        { title: 'Blind spots', items: trace.analysis.blindSpots },
      ],
    });
  else if (trace.analysisRaw)
    blocks.push({
      kind: 'raw',
      caption: 'The analysis could not be read as structured output; as written',
      parts: [{ title: '', text: trace.analysisRaw }],
    });
  const written = writtenAnswers(trace.candidates);
  if (trace.agreement && !trace.fallback)
    blocks.push(
      ...decisionBlocks(
        trace.agreement,
        name,
        'Agreement between the answers',
        written,
        'agreement',
      ),
    );
  if (trace.fallback) blocks.push(...fallbackBlocks(trace.fallback, name, written));
  return blocks;
}

function debateBlocks(trace: DebateTrace, name: Name): TraceBlock[] {
  const rounds = trace.rounds.length - 1;
  const written = writtenAnswers(trace.rounds.flatMap((r) => r.entries));
  const side = (title: string, vote: VoteDecision | null) => {
    const answer = vote?.winnerAnswer ?? null;
    const value =
      answer === null ? '—' : (written(answer, vote?.winnerVoterId ?? undefined)?.value ?? answer);
    const full = vote?.winnerText?.trim() || value;
    return { title, value: excerpt(value, 120), full };
  };
  return [
    {
      kind: 'versus',
      sides: [
        side('Round 0 (before debate)', trace.round0Vote),
        side(`Final answer (after ${countOf(rounds, 'round')})`, trace.finalVote),
      ],
    },
    {
      kind: 'paragraph',
      text: [
        strong(`Debate ${trace.changedByDebate ? 'changed' : 'did not change'} the voted answer.`),
      ],
    },
    {
      kind: 'table',
      caption: 'Answers by round',
      head: ['Agent', ...trace.rounds.map((r) => `Round ${r.round}`)],
      rows: trace.agents.map((agent) => ({
        cells: [
          [`${agent.agentId}: ${name(agent.memberId)}`],
          ...trace.rounds.map((r): Rich => {
            const entry = r.entries.find((e) => e.agentId === agent.agentId);
            if (!entry) return ['—'];
            const shown = shownAnswer(entry.answer.normalized, () => ({
              ...entry,
              ...entry.answer,
            }));
            return r.round > 0 && entry.changed ? [shown, ' ', pill('changed')] : [shown];
          }),
        ],
      })),
    },
    ...(trace.round0Vote
      ? decisionBlocks(trace.round0Vote, name, 'Vote over round 0', written).map((block) =>
          block.kind === 'table' ? { ...block, detail: true } : block,
        )
      : []),
    ...(trace.finalVote ? decisionBlocks(trace.finalVote, name, 'Final vote', written) : []),
  ];
}
