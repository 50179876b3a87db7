// Pure GPU-memory planner: which models share the GPU at once and which run in later stages, with headroom.

/** A model as the planner sees it: its id and GPU-memory estimate (MB). */
export interface PlannedModel {
  id: string;
  vramMB: number;
  /** Why this GPU cannot run the model at all, whatever the budget (see device-fit.ts); absent when it can. */
  gpuProblem?: string | null;
}

/** A model left out of the plan, and why: too large for the budget ('memory'), or for this GPU ('gpu'). */
export interface UnfitModel extends PlannedModel {
  cause: 'memory' | 'gpu';
  why: string;
}

/** Models loaded together, and their total estimate (MB). */
export interface PlanStage {
  modelIds: string[];
  totalMB: number;
  /** The same models with their estimates, in modelIds order. */
  models: PlannedModel[];
}

function stageOf(models: PlannedModel[]): PlanStage {
  return {
    modelIds: models.map((m) => m.id),
    totalMB: models.reduce((sum, m) => sum + m.vramMB, 0),
    models,
  };
}

/** Which models share the GPU in which stage, and which cannot run at all. */
export interface GpuMemoryPlan {
  /** Run in order: load a stage's models, generate, unload, then the next stage. */
  stages: PlanStage[];
  /** True when every model that fits runs in one stage. */
  concurrent: boolean;
  /**
   * Models this GPU cannot run, and models larger than the usable budget on their own. They are
   * never planned: for the second kind a visitor who knows better raises the budget override,
   * which is the one way to run them (no hidden "try anyway").
   */
  unfit: UnfitModel[];
  /** The budget after headroom, in MB. */
  usableMB: number;
  notes: string[];
}

/** How much of the budget the planner keeps free. */
export interface PlanOptions {
  /** Share of the budget kept free for activations, other tabs and estimate error. Default 0.1. */
  headroomFraction?: number;
}

/** Share of the budget kept free by default (0..1). */
export const DEFAULT_HEADROOM = 0.1;

/**
 * The memory models may use out of a budget (MB): the budget less its headroom. The one fit rule: a
 * model fits this device when its estimate is at most this, on the model manager and in the studio alike.
 */
export function usableMB(budgetMB: number, headroomFraction = DEFAULT_HEADROOM): number {
  const headroom = Math.min(Math.max(headroomFraction, 0), 0.9);
  return Math.max(0, budgetMB * (1 - headroom));
}

const byLargestThenId = (a: PlannedModel, b: PlannedModel) =>
  b.vramMB - a.vramMB || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** First-fit decreasing: deterministic for the same input, and close to the fewest stages. */
export function planGpuMemory(
  models: readonly PlannedModel[],
  budgetMB: number,
  options: PlanOptions = {},
): GpuMemoryPlan {
  const usable = usableMB(budgetMB, options.headroomFraction);
  const stages: PlanStage[] = [];
  const unfit: UnfitModel[] = [];
  const notes: string[] = [];

  for (const model of [...models].sort(byLargestThenId)) {
    if (model.gpuProblem) {
      unfit.push({ ...model, cause: 'gpu', why: model.gpuProblem });
      notes.push(`${model.id}: ${model.gpuProblem}`);
      continue;
    }
    if (model.vramMB > usable) {
      const why = `${model.id} needs ${Math.round(model.vramMB)} MB, more than the ${Math.round(usable)} MB usable: pick a smaller model or raise the GPU budget.`;
      unfit.push({ ...model, cause: 'memory', why });
      notes.push(why);
      continue;
    }
    const at = stages.findIndex((s) => s.totalMB + model.vramMB <= usable);
    const stage = stages[at];
    if (stage) stages[at] = stageOf([...stage.models, model]);
    else stages.push(stageOf([model]));
  }
  if (stages.length > 1) {
    notes.push(
      `The models do not fit side by side in ${Math.round(usable)} MB: they run in ${stages.length} stages, one after another.`,
    );
  }
  return { stages, concurrent: stages.length <= 1, unfit, usableMB: usable, notes };
}

/** Adds models that use no GPU memory here to the plan's first stage (or one of their own). */
export function withElsewhere(plan: GpuMemoryPlan, ids: readonly string[]): GpuMemoryPlan {
  if (ids.length === 0) return plan;
  const extra = ids.map((id) => ({ id, vramMB: 0 }));
  const [first, ...rest] = plan.stages;
  const stage = first
    ? { ...first, modelIds: [...first.modelIds, ...ids], models: [...first.models, ...extra] }
    : { modelIds: [...ids], totalMB: 0, models: extra };
  return {
    ...plan,
    stages: [stage, ...rest],
    notes: [
      ...plan.notes,
      'Models on your servers and the browser’s built-in model use none of this device’s planned GPU memory; they run with the first stage.',
    ],
  };
}
