// The pretend GPU budget of simulated mode on a machine without a GPU, labelled as such in its reasons.
import { LOSS_MARGIN, type BudgetEstimate } from './memory-budget.js';

/** Simulated models need a pretend budget on machines without a GPU; it is labelled as such. */
const SIM_BUDGET_MB = 4096;

/** Without a GPU, simulated models start from a pretend heuristic; what was learned and overrides still apply. */
export function simulatedBudget(estimate: BudgetEstimate): BudgetEstimate {
  if (estimate.source === 'override') return estimate;
  const { floorMB, ceilingMB } = estimate;
  let budget = Math.max(SIM_BUDGET_MB, floorMB ?? 0);
  if (ceilingMB !== null)
    budget = Math.max(Math.min(budget, ceilingMB * (1 - LOSS_MARGIN)), floorMB ?? 0);
  return {
    ...estimate,
    budgetMB: Math.round(budget),
    heuristicMB: SIM_BUDGET_MB,
    source: budget === SIM_BUDGET_MB ? 'heuristic' : 'learned',
    reasons: [
      `Simulated mode: a pretend budget of ${SIM_BUDGET_MB} MB (not a measurement).`,
      ...estimate.reasons.filter((reason) => reason !== 'No GPU adapter.'),
    ],
  };
}
