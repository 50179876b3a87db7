// Which models write their reasoning in <think> blocks, and which of them can be asked not to.
import { findSimModel } from './sim-models.js';

/**
 * - `switchable`: reasons by default and honours "thinking off" (Qwen3: web-llm passes
 *   `extra_body.enable_thinking`, and the model then writes an empty block);
 * - `always`: reasons on every answer and has no switch (DeepSeek-R1 distills);
 * - `none`: writes no reasoning block.
 */
export type Thinking = 'switchable' | 'always' | 'none';

/** For a web-llm model id or a simulated model id. */
export function thinkingOf(modelId: string): Thinking {
  const sim = findSimModel(modelId);
  if (sim) return sim.thinking ?? 'none';
  if (/^Qwen3-/i.test(modelId)) return 'switchable';
  if (/^DeepSeek-R1/i.test(modelId)) return 'always';
  return 'none';
}
