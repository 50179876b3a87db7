// The simulated device's GPU budget: simulated models are judged against a pretend GPU, never the real one.
import {
  LOSS_MARGIN,
  learnFromLog,
  type BudgetEstimate,
  type DeviceLogRecord,
} from './memory-budget.js';

/** The pretend GPU of simulated mode, whatever this device has: every simulated model fits it. */
export const SIM_BUDGET_MB = 4096;

/**
 * The budget of the simulated device, in MB. It starts from a pretend 4,096 MB on every device (a
 * phone, a software adapter, no GPU at all), so the demo runs anywhere; what simulated loads and
 * losses taught (`log`: the simulated device's records only) and the visitor's own override for
 * simulated mode still apply, as they would on a real GPU.
 */
export function simulatedBudget(
  log: readonly DeviceLogRecord[],
  overrideMB: number | null,
): BudgetEstimate {
  const { floorMB, ceilingMB } = learnFromLog(log);
  const reasons = [
    `Simulated mode: a pretend GPU with a ${SIM_BUDGET_MB} MB budget, whatever this device has (not a measurement).`,
  ];
  let budget = Math.max(SIM_BUDGET_MB, floorMB ?? 0);
  if (ceilingMB !== null && budget >= ceilingMB * (1 - LOSS_MARGIN)) {
    budget = Math.max(ceilingMB * (1 - LOSS_MARGIN), floorMB ?? 0);
    reasons.push(`The simulated GPU was lost at ${Math.round(ceilingMB)} MB: staying below it.`);
  }
  let source: BudgetEstimate['source'] = budget === SIM_BUDGET_MB ? 'heuristic' : 'learned';
  if (overrideMB !== null && overrideMB > 0) {
    budget = overrideMB;
    source = 'override';
    reasons.push('Set by you.');
  }
  return {
    budgetMB: Math.round(budget),
    source,
    heuristicMB: SIM_BUDGET_MB,
    floorMB,
    ceilingMB,
    lowResourceDevice: false,
    reasons,
  };
}
