// How a simulated model writes: the real-model habits it can imitate (reasoning blocks, Markdown, leaked tokens…).

/**
 * - `think`: a closed `<think>` block (with a draft answer that differs) before the answer;
 * - `think-empty`: an empty block, as Qwen3 writes with thinking off;
 * - `think-open`: a block never closed, cut by the token limit;
 * - `markdown`: fenced code, a table and a list; `angle`: `List<String>`, `<vector>`, raw HTML;
 * - `tokens`: a trailing special token (`<|im_end|>`…);
 * - `judge-prose`, `judge-fence`, `judge-think`: JSON answers wrapped in prose, in a code fence,
 *   or after a reasoning block that drafts the other verdict;
 * - `cut`: the answer stops at the token limit.
 */
export const SIM_STYLES = [
  'think',
  'think-empty',
  'think-open',
  'markdown',
  'angle',
  'tokens',
  'judge-prose',
  'judge-fence',
  'judge-think',
  'cut',
] as const;

/** One real-model habit a simulated model can imitate. */
export type SimStyle = (typeof SIM_STYLES)[number];

/**
 * `simStyle=real`: each simulated model gets one of these mixes (by its place in the list), so a
 * pool shows several real-world habits at once, the same ones on every run.
 */
export const REAL_STYLE_MIXES: readonly (readonly SimStyle[])[] = [
  ['think', 'markdown', 'tokens', 'judge-think'],
  ['angle', 'markdown', 'judge-fence'],
  ['think-empty', 'angle', 'tokens', 'judge-prose'],
  ['markdown', 'think', 'judge-think'],
];
