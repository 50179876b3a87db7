// Pure: whether a model fits this device, in words, and the model manager's filters.
import type { BudgetEstimate } from './gpu/memory-budget.js';
import type { RegistryModel } from './list/registry-models.js';
import type { DeviceCapabilities } from './gpu/probe-webgpu.js';
import { usableMB } from './gpu/plan-gpu-memory.js';
import { gpuProblem } from './gpu/device-fit.js';

/** Whether a model fits this device, and why in one sentence. */
export type Fit = { fits: true; why: string } | { fits: false; why: string };

/**
 * Whether `model` fits this device, with why in one sentence. The studio's memory plan uses the same
 * rule (plan-gpu-memory.ts): a model fits when its estimate is at most the usable memory, the budget
 * less its headroom, and both say so in the same words ("N MB usable").
 */
export function fitOf(
  model: RegistryModel,
  caps: DeviceCapabilities,
  budget: Pick<BudgetEstimate, 'budgetMB'>,
): Fit {
  const need = `${Math.round(model.vramMB)} MB`;
  const usable = usableMB(budget.budgetMB);
  const have = `${Math.round(usable)} MB usable`;
  // What the GPU cannot do comes first: no budget makes up for it (device-fit.ts).
  const problem = gpuProblem(model, caps);
  if (problem) return { fits: false, why: problem };
  return model.vramMB <= usable
    ? { fits: true, why: `Needs ${need} of the ${have}.` }
    : { fits: false, why: `Needs ${need}, more than the ${have}.` };
}

/** The model manager's filters. */
export interface ModelFilters {
  fitsOnly: boolean;
  /** '' for every family. */
  family: string;
  search: string;
}

/** Every model shown. */
export const NO_FILTERS: ModelFilters = { fitsOnly: false, family: '', search: '' };

/**
 * The models that pass the filters; the search matches every word (case-insensitive) in id, name or family.
 */
export function filterModels(
  models: readonly RegistryModel[],
  filters: ModelFilters,
  fits: (model: RegistryModel) => boolean,
): RegistryModel[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  return models.filter((model) => {
    if (filters.fitsOnly && !fits(model)) return false;
    if (filters.family && model.family !== filters.family) return false;
    const haystack = `${model.id} ${model.label} ${model.family}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The families among the models, sorted, each once. */
export function familiesOf(models: readonly RegistryModel[]): string[] {
  return [...new Set(models.map((m) => m.family))].sort((a, b) => a.localeCompare(b));
}

/**
 * The models that fit first, each group in its given order (the list's, which keeps families together):
 * on a device with little memory the few models it can run are not lost among those it cannot.
 */
export function fitsFirst(
  models: readonly RegistryModel[],
  fits: (model: RegistryModel) => boolean,
): RegistryModel[] {
  return [...models.filter(fits), ...models.filter((m) => !fits(m))];
}
