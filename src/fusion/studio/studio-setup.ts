// The studio's choices before a run: honest notes per mode, the suggested mode, the default judge, pool checks.
import { detectQuestionKind } from '../modes/extract-answer.js';
import { DEFAULT_OPTIONS, type FusionOptions } from '../core/options.js';
import type { FusionMode } from '../modes/trace.js';
import type { Stages } from '../core/stages.js';
import { listOf, type Name } from '../../ui/format.js';
import { thinkingOf } from '../../models/list/thinking.js';
import type { GpuMemoryPlan, UnfitModel } from '../../models/gpu/plan-gpu-memory.js';

/** The four modes, in the order the picker offers them. */
export const MODES: readonly FusionMode[] = ['vote', 'best-of', 'merge', 'debate'];

/** Each mode's name as the picker shows it. */
export const MODE_LABELS: Record<FusionMode, string> = {
  vote: 'Vote',
  'best-of': 'Best-of',
  merge: 'Merge',
  debate: 'Debate',
};

/** One honest line per mode, from what the research says about small models (PRODUCT.md). */
export const MODE_NOTES: Record<FusionMode, string> = {
  vote: 'Each model samples several answers; the model whose samples agree most wins. What helps small models most on questions with a short checkable answer.',
  'best-of':
    'A judge compares anonymised answers in pairs. Small judges are unreliable and biased by position, so best-of judges both orders and a win counts only if it holds both ways.',
  merge:
    'The strongest model analyses the answers (consensus, contradictions, blind spots) and writes one answer. Its quality is capped by the aggregator; synthesis is skipped when the answers already agree.',
  debate:
    'Agents read each other and revise, then vote. Debate can make small models worse; round 0 is shown beside the final answer so you can see whether it changed anything.',
};

/** The fewest models a run takes. */
export const MIN_POOL = 2;
/** The most models a run takes. */
export const MAX_POOL = 6;

/** Vote for a question with a short checkable answer; merge (critical synthesis) for open ones. */
export function suggestMode(prompt: string): FusionMode {
  return detectQuestionKind(prompt) === 'text' ? 'merge' : 'vote';
}

/** Whether a mode needs a judge or aggregator (best-of and merge). */
export function needsJudge(mode: FusionMode): boolean {
  return mode === 'best-of' || mode === 'merge';
}

/** What choosing a default judge needs to know of a model. */
export interface PickableModel {
  id: string;
  paramsB: number | null;
  /** 'recorded' models only replay answers: they can never judge or aggregate. */
  engine?: string;
}

/**
 * The largest model by parameters that can judge (not a recorded replay); the first listed wins
 * ties and unknown sizes count as smallest.
 */
export function strongestId(models: readonly PickableModel[]): string | null {
  let best: PickableModel | null = null;
  for (const model of models) {
    if (isRecorded(model)) continue;
    if (best === null || (model.paramsB ?? 0) > (best.paramsB ?? 0)) best = model;
  }
  return best?.id ?? null;
}

/** Whether a model only replays recorded answers, so it can never judge or aggregate. */
export function isRecorded(model: Pick<PickableModel, 'engine'> | undefined): boolean {
  return model?.engine === 'recorded';
}

/** Why a recorded model is not offered as judge or aggregator, as the picker says it. */
export function cannotJudgeReason(role: 'Judge' | 'Aggregator'): string {
  return `recorded answers cannot ${role === 'Judge' ? 'judge' : 'aggregate'}`;
}

/**
 * Why the run's judge or aggregator cannot serve (`judgeId` is the effective one: the visitor's
 * pick, else the strongest in the pool), or null. A recorded model only replays its answers: asked
 * to judge, it fails every verdict, so a run never starts with one as judge.
 */
export function judgeProblem(
  mode: FusionMode,
  judgeId: string | null,
  models: readonly PickableModel[],
  name: Name,
): SetupProblem | null {
  if (!needsJudge(mode)) return null;
  const role = mode === 'merge' ? 'aggregator' : 'judge';
  if (judgeId === null)
    return {
      text: `${MODE_LABELS[mode]} needs a ${role}, and recorded answers cannot ${mode === 'merge' ? 'aggregate' : 'judge'}: add a model that is not recorded to the pool, or pick one as ${role}.`,
    };
  if (isRecorded(models.find((m) => m.id === judgeId)))
    return {
      text: `${name(judgeId)} replays recorded answers and cannot ${mode === 'merge' ? 'aggregate' : 'judge'}: pick another ${role}.`,
    };
  return null;
}

/** Why debate is offered disabled while the pool holds a recorded model, as the mode picker says it. */
export const CANNOT_DEBATE = 'recorded answers cannot debate';

/**
 * Why debate cannot run with this pool (a recorded member), or null. A recorded model replays its
 * one answer to a recorded question; asked to read the other agents' answers and revise, it has no
 * answer, so its "debate" would be its round 0 alone. The picker offers debate disabled meanwhile;
 * this refuses a run that was set to debate before the recorded member joined.
 */
export function debateProblem(
  mode: FusionMode,
  poolIds: readonly string[],
  models: readonly PickableModel[],
  name: Name,
): SetupProblem | null {
  if (mode !== 'debate') return null;
  const recorded = poolIds.filter((id) => isRecorded(models.find((m) => m.id === id)));
  if (recorded.length === 0) return null;
  return {
    text: `Debate needs models that read each other's answers and revise, and ${CANNOT_DEBATE}: take ${listOf(recorded.map(name))} out of the pool, or pick another mode.`,
  };
}

/** Something that stops a run, in words, with the control that changes it when there is one. */
export interface SetupProblem {
  text: string;
  link?: { href: string; label: string };
}

/** Where the GPU budget is changed: the override on the models page, focused when the page opens. */
export const BUDGET_CONTROL = { href: '/models?focus=gpu-budget', label: 'Change the GPU budget' };

/**
 * A model the memory plan left out (registry.plan): too large for the usable memory on its own
 * (`cause` 'memory', which a larger budget may cure), or one this GPU cannot run at all ('gpu': no
 * adapter, no shader-f16, storage buffers over its limit; see models/gpu/device-fit.ts), which no
 * budget cures.
 */
export type UnfitPick = Pick<UnfitModel, 'id' | 'vramMB' | 'cause' | 'why'>;

/** The picks no budget can help, so the budget control is offered only for the others. */
export function gpuUnfit(unfit: readonly UnfitPick[]): UnfitPick[] {
  return unfit.filter((m) => m.cause === 'gpu');
}

/**
 * Why the pool cannot run as picked, or null when it can. `unfit` is the memory plan's (registry.plan),
 * `usableMB` the plan's usable memory; models are named by `name`, as the visitor knows them. The
 * budget control comes only with models too large for the budget: for a model this GPU cannot run
 * it would send the visitor to a setting that cannot help.
 */
export function poolProblem(
  poolIds: readonly string[],
  unfit: readonly UnfitPick[],
  usableMB: number,
  name: Name,
): SetupProblem | null {
  if (poolIds.length < MIN_POOL) return { text: `Pick at least ${MIN_POOL} models for the pool.` };
  if (poolIds.length > MAX_POOL) return { text: `Pick at most ${MAX_POOL} models for the pool.` };
  const inPool = unfit.filter(
    (m, i) => poolIds.includes(m.id) && unfit.findIndex((u) => u.id === m.id) === i,
  );
  if (inPool.length === 0) return null;
  const texts = gpuUnfit(inPool).map(
    (m) => `${name(m.id)} cannot run here. ${m.why} Remove it from the pool.`,
  );
  const memory = inPool.filter((m) => m.cause !== 'gpu');
  const usable = `${Math.round(usableMB)} MB`;
  const [only] = memory;
  if (only) {
    texts.push(
      memory.length === 1
        ? `${name(only.id)} needs ${Math.round(only.vramMB)} MB of GPU memory, more than the ${usable} usable here. Remove it from the pool, or raise the GPU budget.`
        : `${listOf(memory.map((m) => `${name(m.id)} (${Math.round(m.vramMB)} MB)`))} each need more GPU memory than the ${usable} usable here. Remove them from the pool, or raise the GPU budget.`,
    );
    return { text: texts.join(' '), link: BUDGET_CONTROL };
  }
  return { text: texts.join(' ') };
}

/** The mode settings the picker edits. */
export interface ModeSettings {
  samples: number;
  temperature: number;
  agents: number;
  rounds: number;
  /** The longest answer any call of the run may write, in tokens. */
  maxTokens: number;
}

/** The run defaults, as the studio's controls start out. */
export const DEFAULT_MODE_SETTINGS: ModeSettings = {
  samples: DEFAULT_OPTIONS.samples,
  temperature: DEFAULT_OPTIONS.temperature,
  agents: DEFAULT_OPTIONS.agents,
  rounds: DEFAULT_OPTIONS.rounds,
  maxTokens: DEFAULT_OPTIONS.maxTokens,
};

/** Only the options the mode uses, so a stored run does not list settings that played no part. */
export function optionsFor(mode: FusionMode, settings: ModeSettings): FusionOptions {
  const { samples, temperature, agents, rounds, maxTokens } = settings;
  switch (mode) {
    case 'vote':
      return { samples, temperature, maxTokens };
    case 'debate':
      return { agents, rounds, temperature, maxTokens };
    case 'best-of':
    case 'merge':
      return { temperature, maxTokens };
  }
}

/**
 * The thinking choices of a run: on or off for each pool member whose thinking can be switched (on
 * unless the visitor switched it off), and for judges and aggregators (off unless chosen).
 */
export function thinkingOptions(
  poolIds: readonly string[],
  thinkingOff: ReadonlySet<string>,
  judgeThinking: boolean,
): Pick<FusionOptions, 'thinking' | 'judgeThinking'> {
  const switchable = poolIds.filter((id) => thinkingOf(id) === 'switchable');
  return {
    thinking: Object.fromEntries(switchable.map((id) => [id, !thinkingOff.has(id)])),
    judgeThinking,
  };
}

/** The memory plan's stages restricted to the pool (the plan may also hold a judge from outside it). */
export function poolStages(
  stages: readonly { modelIds: string[] }[],
  poolIds: readonly string[],
): Stages {
  const pool = new Set(poolIds);
  return stages
    .map((stage) => stage.modelIds.filter((id) => pool.has(id)))
    .filter((stage) => stage.length > 0);
}

/** True when the plan's models run at once and need no GPU memory here (recorded answers, servers). */
export function needsNoGpu(plan: GpuMemoryPlan): boolean {
  return plan.concurrent && plan.stages.length === 1 && plan.stages[0]!.totalMB === 0;
}

/**
 * The plan's first line: how the pool shares the GPU, in MB; a pool that needs no GPU memory on
 * this device says so instead of "0 MB of 3686 MB usable".
 */
export function planLine(plan: GpuMemoryPlan): string {
  const mb = (value: number) => `${Math.round(value)} MB`;
  const first = plan.stages[0];
  if (!first) return 'Nothing to run yet.';
  if (needsNoGpu(plan))
    return `All ${first.modelIds.length} run at the same time; none of them needs GPU memory on this device.`;
  return plan.concurrent
    ? `All ${first.modelIds.length} run at the same time (${mb(first.totalMB)} of ${mb(plan.usableMB)} usable).`
    : `They run in ${plan.stages.length} stages, one after another (${mb(plan.usableMB)} usable):`;
}

/** Longest question (characters) echoed in full above the answers and in the follow-up note. */
export const QUESTION_SHOWN = 300;

/**
 * `text` cut at a word break to at most `max` characters (default QUESTION_SHOWN) plus '…', or unchanged when
 * it fits: a 30,000-character prompt echoed twice in full buried the answers (newcomer3).
 */
export function excerptOf(text: string, max = QUESTION_SHOWN): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
