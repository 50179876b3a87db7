// Renders a run's decision trace as Markdown sections (used by the Markdown export).
import type {
  BestOfTrace,
  DebateTrace,
  FusionTrace,
  MergeTrace,
  VoteDecision,
  VoteTrace,
} from '../modes/trace.js';
import { fencedBlock, foldedReasoning, literalMarkdown } from './markdown-text.js';

type Name = (memberId: string) => string;

const cell = (text: string): string =>
  literalMarkdown(text.replace(/\n+/g, ' ')).replace(/\|/g, '\\|');
const row = (cells: readonly (string | number)[]): string =>
  `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 100)}%`;

export function traceToMarkdown(trace: FusionTrace, name: Name): string {
  const notes = trace.notes.map((note) => `- ${literalMarkdown(note)}`).join('\n');
  const body = modeSection(trace, name);
  return [`Expected answer: ${trace.questionKind}.`, notes, body].filter(Boolean).join('\n\n');
}

function modeSection(trace: FusionTrace, name: Name): string {
  switch (trace.mode) {
    case 'vote':
      return voteSection(trace, name);
    case 'best-of':
      return bestOfSection(trace, name);
    case 'merge':
      return mergeSection(trace, name);
    case 'debate':
      return debateSection(trace, name);
  }
}

export function decisionToMarkdown(decision: VoteDecision, name: Name): string {
  const voters = table(
    ['Voter', 'Model', 'Samples', 'Answers', 'Own majority', 'Agreement', 'Recorded accuracy'],
    decision.perVoter.map((t) => [
      t.voterId === t.memberId ? name(t.memberId) : t.voterId,
      name(t.memberId),
      t.samples,
      t.counts.map((c) => `${c.answer} ×${c.count}`).join(', '),
      t.majority ?? '—',
      percent(t.agreement),
      percent(t.accuracy),
    ]),
  );
  const overall = decision.overall.map((c) => `${c.answer} ×${c.count}`).join(', ') || '—';
  return `${voters}\n\nOverall: ${literalMarkdown(overall)}\n\n**Why:** ${literalMarkdown(decision.reason)}`;
}

function voteSection(trace: VoteTrace, name: Name): string {
  const samples = table(
    ['Model', 'Sample', 'Extracted answer'],
    trace.samples.map((s) => [
      name(s.memberId),
      s.sampleIndex + 1,
      `${s.answer.value} (${s.answer.kind})`,
    ]),
  );
  const decision = trace.decision ? decisionToMarkdown(trace.decision, name) : 'No vote was taken.';
  return `### Samples (${trace.samplesPerModel} per model${trace.earlyStop ? ', stopped early' : ''})\n\n${samples}\n\n### Tally\n\n${decision}`;
}

function bestOfSection(trace: BestOfTrace, name: Name): string {
  const candidates = table(
    ['Label', 'Model'],
    trace.candidates.map((c) => [c.label, name(c.memberId)]),
  );
  const verdict = (v: {
    verdict: { winner: string } | null;
    error: { kind: string } | null;
  }): string => (v.error ? `failed (${v.error.kind})` : (v.verdict?.winner ?? 'no verdict'));
  const pairs = table(
    ['Pair', 'Judge', 'Order 1 (A, B)', 'Verdict', 'Order 2 (A, B)', 'Verdict', 'Outcome'],
    trace.pairs.map((p) => [
      `${p.a} vs ${p.b}`,
      name(p.orders[0]?.judgeId ?? ''),
      p.orders[0] ? `${p.orders[0].first}, ${p.orders[0].second}` : '—',
      p.orders[0] ? verdict(p.orders[0]) : '—',
      p.orders[1] ? `${p.orders[1].first}, ${p.orders[1].second}` : '—',
      p.orders[1] ? verdict(p.orders[1]) : '—',
      `${p.outcome === 'win' ? `${p.winner} wins` : p.outcome}. ${p.note}`,
    ]),
  );
  const ranking = table(
    ['Rank', 'Label', 'Model', 'Wins', 'Losses', 'Ties', 'No verdict', 'Score'],
    trace.ranking.map((r, i) => [
      i + 1,
      r.label,
      name(r.memberId),
      r.wins,
      r.losses,
      r.ties,
      r.noVerdicts,
      r.score,
    ]),
  );
  const raw = trace.pairs
    .flatMap((p) => p.orders)
    .map(
      (o) =>
        `**${o.first} vs ${o.second}** (judge ${name(o.judgeId)}):\n\n${o.reasoning ? `${foldedReasoning(o.reasoning)}\n\n` : ''}${fencedBlock(o.raw ?? '')}`,
    )
    .join('\n\n');
  const fallback = trace.fallback
    ? `\n\n### Fallback vote\n\n${decisionToMarkdown(trace.fallback.vote, name)}`
    : '';
  return `### Candidates\n\n${candidates}\n\n### Pairwise judging\n\n${pairs}\n\n### Ranking\n\n${ranking}\n\n### Raw judge outputs\n\n${raw || '—'}${fallback}`;
}

function mergeSection(trace: MergeTrace, name: Name): string {
  const parts = [`Aggregator: ${trace.aggregatorId ? name(trace.aggregatorId) : '—'}.`];
  if (trace.synthesisSkipped) parts.push('Synthesis skipped: the answers were unanimous.');
  if (trace.analysis) {
    const list = (title: string, items: string[]): string =>
      `**${title}**\n\n${items.map((item) => `- ${literalMarkdown(item)}`).join('\n') || '- (none)'}`;
    parts.push(
      '### Analysis',
      list('Consensus', trace.analysis.consensus),
      list('Contradictions', trace.analysis.contradictions),
      list('Unique points', trace.analysis.unique),
      list('Blind spots', trace.analysis.blindSpots),
    );
  } else if (trace.analysisRaw)
    parts.push('### Analysis (unparsed)', fencedBlock(trace.analysisRaw));
  if (trace.fallback)
    parts.push('### Fallback vote', decisionToMarkdown(trace.fallback.vote, name));
  return parts.join('\n\n');
}

function debateSection(trace: DebateTrace, name: Name): string {
  const rounds = trace.rounds.map(
    (r) =>
      `### Round ${r.round}\n\n${table(
        ['Agent', 'Model', 'Answer', 'Changed'],
        r.entries.map((e) => [
          e.agentId,
          name(e.memberId),
          e.answer.value,
          r.round === 0 ? '—' : e.changed ? 'yes' : 'no',
        ]),
      )}`,
  );
  const votes = [
    trace.round0Vote
      ? `### Vote over round 0\n\n${decisionToMarkdown(trace.round0Vote, name)}`
      : '',
    trace.finalVote ? `### Final vote\n\n${decisionToMarkdown(trace.finalVote, name)}` : '',
    `Debate ${trace.changedByDebate ? 'changed' : 'did not change'} the voted answer.`,
  ];
  return [...rounds, ...votes].filter(Boolean).join('\n\n');
}
