// Exports a stored run as Markdown: prompt, each member's answer with figures, fused answer, trace, cost.
import { ratio, seconds, type Name } from '../../ui/format.js';
import { BEST_BASIS_LABELS, bestBasisOf } from '../modes/best-member.js';
import type { FusionTrace } from '../modes/trace.js';
import { failedWaitNote, type RunCost, type SingleAnswer } from '../core/cost.js';
import type { RunRecord } from './run-record.js';
import type { MemberAnswer } from '../core/member-answer.js';
import { markSimulated, runNames, simulatedNotice, sourceMark } from './run-names.js';
import { traceToMarkdown } from './trace-markdown.js';
import { failureText } from '../core/failure-text.js';
import { optionsOfMode } from '../core/mode-options.js';
import { foldedReasoning, literalMarkdown } from './markdown-text.js';
import { countOf } from '../../shared/count.js';
import { hasCalculatorNotes } from '../../shared/calculator-notes.js';

/**
 * A stored run as a Markdown document: the simulated notice if any, the conversation, each member's answer
 * with its figures, the fused answer, the trace and the cost. Model text is escaped so it cannot inject
 * Markdown.
 */
export function runToMarkdown(run: RunRecord): string {
  const name = runNames(run);
  const notice = simulatedNotice(run);
  const simulated = notice ? `> **${notice}.**` : '';
  // A fused answer may come from a real member of a partly simulated pool: the mark says which run it was.
  const mark = sourceMark(run);
  const history = run.history
    .map((turn) => `**${turn.role}:** ${literalMarkdown(turn.content)}`)
    .join('\n\n');
  return [
    `# Quorum run: ${run.mode}${mark}`,
    simulated,
    `Status: ${run.status} · ${new Date(run.createdAt).toISOString()} · options: ${
      Object.entries(optionsOfMode(run.mode, run.options))
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(', ') || 'defaults'
    }`,
    run.thinking ? thinkingLine(run.thinking, name) : '',
    history ? `## Earlier turns\n\n${history}` : '',
    `## Prompt\n\n${literalMarkdown(run.prompt)}`,
    `## Answers\n\n${calculatorNote(run)}${run.answers.map(answerToMarkdown).join('\n\n') || 'No answers.'}`,
    `## Fused answer${mark}\n\n${simulated ? `${simulated}\n\n` : ''}${
      run.finalAnswer === null ? '_No fused answer._' : literalMarkdown(run.finalAnswer)
    }`,
    run.judgeId ? `${run.mode === 'merge' ? 'Aggregator' : 'Judge'}: ${name(run.judgeId)}` : '',
    run.trace ? `## Decision trace\n\n${traceToMarkdown(run.trace, name)}` : '',
    run.cost ? `## Cost\n\n${costToMarkdown(run.cost, name, run.trace)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

/** The export keeps model text as written: when GSM8K's calculator marks are in it, it says what they are. */
function calculatorNote(run: RunRecord): string {
  const texts = [...run.answers.map((answer) => answer.text), run.finalAnswer ?? ''];
  return texts.some(hasCalculatorNotes)
    ? "_`<<…>>` marks are GSM8K's calculator annotations (Cobbe et al. 2021, arXiv 2110.14168): kept here as the models wrote them; the app shows only the result written after each._\n\n"
    : '';
}

function thinkingLine(thinking: NonNullable<RunRecord['thinking']>, name: (id: string) => string) {
  const members = Object.entries(thinking.members).map(
    ([id, on]) => `${literalMarkdown(name(id))} ${on ? 'on' : 'off'}`,
  );
  const judge = `judges and aggregators ${thinking.judge ? 'on' : 'off'}`;
  return `Thinking: ${[...members, judge].join('; ')}`;
}

function displayName(answer: MemberAnswer): string {
  return answer.simulated ? markSimulated(answer.label) : answer.label;
}

function answerToMarkdown(answer: MemberAnswer): string {
  const figures = answer.usage
    ? `${answer.usage.promptTokens} prompt + ${countOf(answer.usage.completionTokens, 'completion token')} · ${seconds(answer.usage.totalMs)} · ${answer.usage.decodeTokensPerS.toFixed(1)} tok/s`
    : 'no usage reported';
  const heading = `### ${displayName(answer)} — ${answer.tag}`;
  const error = answer.error ? `\n\n**${failureText(answer.error, false)}**` : '';
  const reasoning = answer.reasoning ? `${foldedReasoning(answer.reasoning)}\n\n` : '';
  const text = answer.text ? literalMarkdown(answer.text) : '_(no text)_';
  return `${heading}\n\n_${figures}_\n\n${reasoning}${text}${error}`;
}

function costToMarkdown(cost: RunCost, name: Name, trace: FusionTrace | null): string {
  const rows = cost.perModel.map(
    (m) =>
      `| ${name(m.memberId)} | ${m.calls} | ${m.promptTokens} | ${m.completionTokens} | ${m.totalTokens} | ${seconds(m.busyMs)} |`,
  );
  const wait = failedWaitNote(cost, seconds);
  const single = (answer: SingleAnswer | null | undefined): string =>
    answer
      ? ` (${name(answer.memberId)} alone: ${seconds(answer.ms)}, ${countOf(answer.tokens, 'token')})`
      : '';
  return [
    '| Model | Calls | Prompt tokens | Completion tokens | Total tokens | Busy |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    `| **Total** | | ${cost.promptTokens} | ${cost.completionTokens} | ${cost.totalTokens} | |`,
    '',
    `- Wall time: ${seconds(cost.wallMs)}`,
    `- Slowest member: ${cost.slowestMember ? `${name(cost.slowestMember.memberId)}, ${seconds(cost.slowestMember.ms)}` : '—'}`,
    `- Judging: ${seconds(cost.judgingMs)}`,
    `- Overhead over the fastest single answer${single(cost.singleAnswer)}: time ${ratio(cost.overhead.time)}, tokens ${ratio(cost.overhead.tokens)}`,
    `- Overhead over the best model's single answer${
      cost.bestAnswer
        ? `${single(cost.bestAnswer)}, ${BEST_BASIS_LABELS[bestBasisOf(cost.bestAnswer, trace)]}`
        : ''
    }: time ${ratio(cost.overheadVsBest?.time ?? null)}, tokens ${ratio(cost.overheadVsBest?.tokens ?? null)}`,
    ...(wait ? ['', wait] : []),
  ].join('\n');
}
