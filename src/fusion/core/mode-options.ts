// Which of a run's stored options its mode uses, so an export lists only those.
import type { FusionMode } from '../modes/trace.js';

/** Options only one mode reads; the rest (temperature, seed, token limit, timeout…) apply to all. */
const ONLY_IN: Readonly<Record<string, readonly FusionMode[]>> = {
  samples: ['vote'],
  agents: ['debate'],
  rounds: ['debate'],
  judgeThinking: ['best-of', 'merge'],
};

/** `options` without those another mode reads (Vote's samples in a Debate, Debate's rounds in a Vote). */
export function optionsOfMode<T>(
  mode: FusionMode,
  options: Readonly<Record<string, T>>,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(options).filter(([key]) => ONLY_IN[key]?.includes(mode) ?? true),
  );
}
