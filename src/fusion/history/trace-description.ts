// One description per mode of what its trace shows, built once and rendered to the page and to Markdown.
import { percent, type Name } from '../../ui/format.js';
import type {
  AnswerCount,
  BestOfTrace,
  DebateTrace,
  FusionTrace,
  JudgeCall,
  MergeTrace,
  VoteDecision,
  VoteTrace,
} from '../modes/trace.js';
import { bad, lineBreak, muted, pill, strong, type Rich, type TraceBlock } from './trace-blocks.js';

/** Every block of `trace`, in reading order: the expected answer, the notes, then the mode's own. */
export function describeTrace(trace: FusionTrace, name: Name): TraceBlock[] {
  const intro: TraceBlock[] = [
    { kind: 'paragraph', text: [muted(`Expected answer: ${trace.questionKind}.`)] },
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

/** Longest answer shown in a tally cell; the whole answer is in the samples and columns, a click away. */
const EXCERPT_CHARS = 60;

/** Short answers as they are; long ones (open questions) cut at a word, so a tally stays readable. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

const counts = (list: readonly AnswerCount[]): string =>
  list.map((c) => `“${excerpt(c.answer)}” ×${c.count}`).join(', ') || '—';

/**
 * A vote's tally per voter, the overall count and why. `role` 'vote' marks the winner; 'agreement'
 * (merge) marks none: a merged answer is written from all of them, so no answer won.
 */
export function decisionBlocks(
  decision: VoteDecision,
  name: Name,
  caption: string,
  role: 'vote' | 'agreement' = 'vote',
): TraceBlock[] {
  const agreement = role === 'agreement';
  return [
    {
      kind: 'table',
      caption,
      head: [
        'Voter',
        'Model',
        'Samples',
        'Answers given',
        'Own majority',
        'Agreement',
        'Recorded accuracy',
      ],
      rows: decision.perVoter.map((t) => {
        const winner = !agreement && t.voterId === decision.winnerVoterId;
        const voter = t.voterId === t.memberId ? name(t.memberId) : t.voterId;
        return {
          winner,
          cells: [
            winner ? [voter, ' ', pill('winner')] : [voter],
            [name(t.memberId)],
            [String(t.samples)],
            [counts(t.counts)],
            [t.majority === null ? '—' : excerpt(t.majority)],
            [percent(t.agreement)],
            [percent(t.accuracy)],
          ],
        };
      }),
    },
    { kind: 'paragraph', text: [strong('Overall:'), ` ${counts(decision.overall)}`] },
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

function fallbackBlocks(fallback: { reason: string; vote: VoteDecision }, name: Name) {
  return [
    { kind: 'note', text: [strong('Judge fallback:'), ` ${fallback.reason}`] } as const,
    ...decisionBlocks(fallback.vote, name, 'Fallback vote'),
  ];
}

function voteBlocks(trace: VoteTrace, name: Name): TraceBlock[] {
  const n = trace.samplesPerModel;
  const stop = trace.earlyStop ? ', stopped early: the first samples were unanimous' : '';
  return [
    { kind: 'paragraph', text: [`${n} sample${n === 1 ? '' : 's'} per model${stop}.`] },
    {
      kind: 'table',
      caption: 'Samples',
      head: ['Model', 'Sample', 'Extracted answer'],
      rows: trace.samples.map((s) => ({
        cells: [
          [name(s.memberId)],
          [String(s.sampleIndex + 1)],
          [`${s.answer.value} (${s.answer.kind})`],
        ],
      })),
      detail: true,
    },
    ...(trace.decision
      ? decisionBlocks(trace.decision, name, 'Vote tally')
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
  if (call.error) return [bad(`no verdict (${call.error.kind})`)];
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
    ...(trace.fallback ? fallbackBlocks(trace.fallback, name) : []),
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
  if (trace.agreement && !trace.fallback)
    blocks.push(
      ...decisionBlocks(trace.agreement, name, 'Agreement between the answers', 'agreement'),
    );
  if (trace.fallback) blocks.push(...fallbackBlocks(trace.fallback, name));
  return blocks;
}

function debateBlocks(trace: DebateTrace, name: Name): TraceBlock[] {
  const rounds = trace.rounds.length - 1;
  return [
    {
      kind: 'versus',
      sides: [
        {
          title: 'Round 0 (before debate)',
          value: excerpt(trace.round0Vote?.winnerAnswer ?? '—', 120),
        },
        {
          title: `Final answer (after ${rounds} round${rounds === 1 ? '' : 's'})`,
          value: excerpt(trace.finalVote?.winnerAnswer ?? '—', 120),
        },
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
            return r.round > 0 && entry.changed
              ? [excerpt(entry.answer.value), ' ', pill('changed')]
              : [excerpt(entry.answer.value)];
          }),
        ],
      })),
    },
    ...(trace.round0Vote
      ? decisionBlocks(trace.round0Vote, name, 'Vote over round 0').map((block) =>
          block.kind === 'table' ? { ...block, detail: true } : block,
        )
      : []),
    ...(trace.finalVote ? decisionBlocks(trace.finalVote, name, 'Final vote') : []),
  ];
}
