// Merge mode: the strongest model analyses the candidates (JSON), then writes one synthesised answer.
import { whatHappened } from '../core/failure-text.js';
import { collectCandidates, voteOverCandidates } from './candidates.js';
import type { FusionContext } from '../core/run-context.js';
import { extractJsonObject } from './judge-parse.js';
import { answerPart } from '../../models/output/split-reasoning.js';
import type { ModelClient } from '../../models/model-client.js';
import type { ModeResult } from '../core/mode-result.js';
import { describeFailure, strongestModel } from './pick-model.js';
import type { ClassifiedError } from '../../shared/errors.js';
import { ANALYSIS_SCHEMA, mergeAnalysisPrompt, synthesisPrompt } from './prompts.js';
import type { MergeAnalysis, MergeTrace } from './trace.js';
import type { AccuracyTable } from './vote-tally.js';

/**
 * Merge mode (after Mixture-of-Agents, arXiv 2406.04692): one answer per member; if all agree, the
 * agreed answer is returned without synthesis; otherwise the aggregator (the visitor's pick or the
 * strongest model) writes a JSON analysis (consensus, contradictions, unique points, blind spots)
 * and then one synthesised answer. A failing aggregator is replaced by the strongest model still
 * running; with none left the result falls back to a vote over the candidates. Never throws for a
 * model failure.
 */
export async function runMerge(
  ctx: FusionContext,
  pool: readonly ModelClient[],
  pick: ModelClient | null,
  accuracy: AccuracyTable,
): Promise<ModeResult> {
  const trace: MergeTrace = {
    mode: 'merge',
    questionKind: ctx.kind,
    notes: [],
    aggregatorId: null,
    candidates: [],
    agreement: null,
    synthesisSkipped: false,
    analysis: null,
    analysisRaw: null,
    fallback: null,
  };
  const answered = await collectCandidates(ctx, pool);
  trace.candidates = answered.map((c, i) => ({ ...c, label: `Response ${i + 1}` }));
  if (ctx.stopped) return stopped(trace, 'while the models were answering');
  if (trace.candidates.length === 0) {
    trace.notes.push('No model answered, so there was nothing to merge.');
    return { finalAnswer: null, trace };
  }
  if (trace.candidates.length === 1) {
    trace.notes.push('Only one model answered: its answer is returned without merging.');
    return { finalAnswer: trace.candidates[0]!.text, trace };
  }
  const agreement = voteOverCandidates(trace.candidates, accuracy, ctx, '').vote;
  trace.agreement = agreement;
  const distinct = new Set(trace.candidates.map((c) => c.answer.normalized));
  if (distinct.size === 1) {
    trace.synthesisSkipped = true;
    trace.notes.push(
      `All ${trace.candidates.length} answers agree on "${agreement.winnerAnswer}": analysis and synthesis skipped, the agreed answer is returned.`,
    );
    return { finalAnswer: agreement.winnerText, trace };
  }

  // An aggregator that fails (a lost GPU, or silence: see judgeStallMs) is replaced by the
  // strongest pool model still running, and the trace says so; with none left, the vote decides.
  const fallBack = (reason: string): ModeResult => {
    trace.fallback = voteOverCandidates(trace.candidates, accuracy, ctx, reason);
    trace.notes.push(`${reason} Falling back to the vote over the candidates.`);
    return { finalAnswer: trace.fallback.vote.winnerText, trace };
  };
  const failed = new Set<string>();
  let aggregator = pickAggregator(ctx, pool, pick, failed);
  if (!aggregator) return fallBack('No model was left to aggregate.');
  for (;;) {
    trace.aggregatorId = aggregator.id;
    const attempt = await aggregate(ctx, aggregator, trace);
    if (attempt.ok) return { finalAnswer: attempt.text, trace };
    if (ctx.stopped) return stopped(trace, attempt.when);
    failed.add(aggregator.id);
    const next = pickAggregator(ctx, pool, null, failed);
    const reason = `The aggregator ${ctx.nameOf(aggregator.id)} failed: ${whatHappened(attempt.error.kind)}.`;
    if (!next) return fallBack(reason);
    trace.notes.push(
      `${ctx.nameOf(aggregator.id)} failed as aggregator (${describeFailure(attempt.error)}). ${ctx.nameOf(next.id)} aggregates instead.`,
    );
    aggregator = next;
  }
}

type Attempt = { ok: true; text: string } | { ok: false; error: ClassifiedError; when: string };

/** One aggregator's analysis, then its synthesis; the trace keeps what it analysed. */
async function aggregate(
  ctx: FusionContext,
  aggregator: ModelClient,
  trace: MergeTrace,
): Promise<Attempt> {
  const texts = trace.candidates.map((c) => c.text);
  ctx.phase('analysing', `${ctx.nameOf(aggregator.id)} compares the answers`);
  const analysis = await ctx.askJudge(aggregator, 'analysis', {
    prompt: mergeAnalysisPrompt(ctx.question, texts),
    temperature: 0,
    seed: ctx.options.seed,
    jsonSchema: ANALYSIS_SCHEMA,
  });
  trace.analysisRaw = analysis.text || null;
  if (!analysis.ok) return { ok: false, error: analysis.error, when: 'during the analysis' };
  trace.analysis = readAnalysis(analysis.text);
  if (!trace.analysis)
    trace.notes.push('The analysis was not valid JSON; its raw text was used for the synthesis.');

  ctx.phase('synthesising', `${ctx.nameOf(aggregator.id)} writes the merged answer`);
  const analysisText = trace.analysis ? JSON.stringify(trace.analysis, null, 2) : analysis.text;
  const synthesis = await ctx.askJudge(aggregator, 'synthesis', {
    prompt: synthesisPrompt(ctx.question, ctx.kind, texts, analysisText),
    temperature: ctx.options.temperature,
    seed: ctx.options.seed,
  });
  if (!synthesis.ok) return { ok: false, error: synthesis.error, when: 'during the synthesis' };
  trace.notes.push(
    `${ctx.nameOf(aggregator.id)} analysed ${texts.length} answers and wrote the merged answer.`,
  );
  return { ok: true, text: synthesis.text };
}

/** The visitor's pick, else the strongest pool model still running. */
function pickAggregator(
  ctx: FusionContext,
  pool: readonly ModelClient[],
  pick: ModelClient | null,
  failed: ReadonlySet<string>,
): ModelClient | null {
  const usable = (client: ModelClient): boolean => ctx.isActive(client) && !failed.has(client.id);
  if (pick && usable(pick)) return pick;
  return strongestModel(pool.filter(usable));
}

/** The analysis object of the aggregator's answer; a draft in its reasoning never counts. */
function readAnalysis(output: string): MergeAnalysis | null {
  const json = extractJsonObject(answerPart(output));
  if (!json) return null;
  const list = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
      : [];
  return {
    consensus: list(json['consensus']),
    contradictions: list(json['contradictions']),
    unique: list(json['unique'] ?? json['uniqueInsights']),
    blindSpots: list(json['blindSpots'] ?? json['blind_spots']),
  };
}

function stopped(trace: MergeTrace, when: string): ModeResult {
  trace.notes.push(`Stopped by the visitor ${when}.`);
  return { finalAnswer: null, trace };
}
