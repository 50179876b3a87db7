// The options of a fusion run, their defaults, and their stored form.
import type { AnswerKind } from '../modes/extract-answer.js';

/**
 * The visitor's options for a run; anything unset takes DEFAULT_OPTIONS (times in ms, maxTokens in tokens).
 */
export interface FusionOptions {
  /** Vote: samples per model. */
  samples?: number;
  temperature?: number;
  /** Debate: agents and rounds after round 0. */
  agents?: number;
  rounds?: number;
  /** Base seed: samples, agents and the candidate shuffle derive theirs from it. */
  seed?: number;
  /** Per-call timeout; a member that exceeds it drops out of the run. */
  timeoutMs?: number;
  /** Silence after which a judge or aggregator is given up (default: judgeStallMs of the run). */
  judgeStallMs?: number;
  /** Silence (ms) after which a loaded pool member is dropped (default MEMBER_STALL_MS, 30 s). */
  memberStallMs?: number;
  maxTokens?: number;
  /** Overrides the guess of what shape of answer the prompt expects. */
  questionKind?: AnswerKind;
  /**
   * Reasoning on or off per pool member id, for models whose thinking is switchable; a member not
   * named keeps its model's default (on).
   */
  thinking?: Readonly<Record<string, boolean>>;
  /** Reasoning for judges and aggregators: off unless chosen (their answer is a verdict or a rewrite). */
  judgeThinking?: boolean;
}

/** FusionOptions with every default filled in; the time limits and the question kind stay optional. */
export type ResolvedOptions = Required<
  Omit<FusionOptions, 'timeoutMs' | 'questionKind' | 'judgeStallMs' | 'memberStallMs'>
> &
  Pick<FusionOptions, 'timeoutMs' | 'questionKind' | 'judgeStallMs' | 'memberStallMs'>;

/**
 * The defaults: 3 samples per model at temperature 0.7, 3 debate agents over 2 rounds, seed 1, answers of at
 * most 1,024 tokens.
 */
export const DEFAULT_OPTIONS = {
  samples: 3,
  temperature: 0.7,
  agents: 3,
  rounds: 2,
  seed: 1,
  maxTokens: 1024,
} as const;

/**
 * Fills in the defaults; counts that are not finite numbers take the default, the others are floored and held
 * to at least 1 (rounds at least 0).
 */
export function resolveOptions(options: FusionOptions): ResolvedOptions {
  const positive = (value: number | undefined, fallback: number, min: number): number =>
    value !== undefined && Number.isFinite(value) ? Math.max(min, Math.floor(value)) : fallback;
  return {
    ...options,
    samples: positive(options.samples, DEFAULT_OPTIONS.samples, 1),
    temperature: options.temperature ?? DEFAULT_OPTIONS.temperature,
    agents: positive(options.agents, DEFAULT_OPTIONS.agents, 1),
    rounds: positive(options.rounds, DEFAULT_OPTIONS.rounds, 0),
    seed: options.seed ?? DEFAULT_OPTIONS.seed,
    maxTokens: positive(options.maxTokens, DEFAULT_OPTIONS.maxTokens, 1),
    thinking: { ...options.thinking },
    judgeThinking: options.judgeThinking ?? false,
  };
}

/** The flat form RunRecord.options stores (thinking choices are stored apart, in RunRecord.thinking). */
export function optionsToRecord(
  options: ResolvedOptions,
): Record<string, number | string | boolean> {
  const record: Record<string, number | string | boolean> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'judgeThinking') continue;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
      record[key] = value;
  }
  return record;
}
