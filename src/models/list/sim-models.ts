// The named simulated models: fake sizes and speeds, and how often each answers checkable questions right.

/** A model of the simulated engine. Every figure here is made up: none is a measurement. */
export interface SimModel {
  id: string;
  /** Always says "Simulated" so nobody mistakes it for a real model. */
  label: string;
  paramsB: number;
  /** Pretend GPU memory need, for the planner. */
  vramMB: number;
  /** Pretend download size, scaled into the simulated load's progress events. */
  downloadMB: number;
  contextWindow: number;
  timeToFirstTokenMs: number;
  tokensPerSecond: number;
  /** Probability of answering a checkable question (arithmetic, multiple choice, yes/no) right. */
  accuracy: number;
  /** Reasons in `<think>` blocks like Qwen3, unless asked not to (GenerateParams.thinking false). */
  thinking?: 'switchable';
}

/** The named simulated models: made-up sizes and speeds, and accuracy (0..1) on checkable questions. */
export const SIM_MODELS: readonly SimModel[] = [
  {
    id: 'sim-tiny-360M',
    label: 'Simulated Tiny 360M',
    paramsB: 0.36,
    vramMB: 380,
    downloadMB: 270,
    contextWindow: 2048,
    timeToFirstTokenMs: 120,
    tokensPerSecond: 120,
    accuracy: 0.4,
  },
  {
    id: 'sim-swift-0.5B',
    label: 'Simulated Swift 0.5B',
    paramsB: 0.5,
    vramMB: 950,
    downloadMB: 400,
    contextWindow: 4096,
    timeToFirstTokenMs: 200,
    tokensPerSecond: 80,
    accuracy: 0.55,
  },
  {
    id: 'sim-steady-1.5B',
    label: 'Simulated Steady 1.5B',
    paramsB: 1.5,
    vramMB: 1630,
    downloadMB: 1100,
    contextWindow: 4096,
    timeToFirstTokenMs: 450,
    tokensPerSecond: 40,
    accuracy: 0.7,
    thinking: 'switchable',
  },
  {
    id: 'sim-sage-3B',
    label: 'Simulated Sage 3B',
    paramsB: 3,
    vramMB: 2300,
    downloadMB: 1900,
    contextWindow: 4096,
    timeToFirstTokenMs: 900,
    tokensPerSecond: 18,
    accuracy: 0.82,
  },
];

/** The simulated model with this id, if any. */
export function findSimModel(id: string): SimModel | undefined {
  return SIM_MODELS.find((model) => model.id === id);
}
