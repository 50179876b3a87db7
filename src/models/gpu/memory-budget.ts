// Pure GPU-memory budget: a heuristic from the adapter, tightened or raised by what this device did before.

import type { AdapterSummary } from './probe-webgpu.js';

/** One observation for the memory planner to learn from. */
export interface DeviceLogRecord {
  id?: number;
  modelId: string;
  /** The planner's estimate at the time, in MB. */
  vramMB: number;
  /** Models already resident when this one loaded, with their estimates. */
  residentMB: number;
  outcome: 'loaded' | 'device-lost' | 'out-of-memory';
  adapterKey: string;
  at: number;
}

/** The `settings` key of the visitor's budget override (MB). */
export const BUDGET_OVERRIDE_KEY = 'gpuBudgetOverrideMB';

/** Keep this far below a total that lost the device. */
export const LOSS_MARGIN = 0.1;

/**
 * The GPU memory Quorum lets models use here, in MB, where that figure comes from, and the reasons in words.
 */
export interface BudgetEstimate {
  budgetMB: number;
  source: 'none' | 'heuristic' | 'learned' | 'override';
  heuristicMB: number;
  /** The largest total that loaded here (MB), if any. */
  floorMB: number | null;
  /** The smallest total that lost the device or ran out of memory here (MB), if any. */
  ceilingMB: number | null;
  /** Devices where only models marked low_resource_required should be offered first. */
  lowResourceDevice: boolean;
  reasons: string[];
}

/** What the browser tells about the device besides the adapter. */
export interface DeviceHints {
  /** navigator.deviceMemory (GB, capped at 8 by browsers); undefined when the browser hides it. */
  deviceMemoryGB?: number;
}

const MB = 1024 * 1024;

// No API reports GPU memory. These are deliberate, conservative guesses (not measurements): the
// visitor can override them, and the device log corrects them after the first load or loss.
const GUESS_DEFAULT_MB = 4096;
const GUESS_INTEGRATED_MB = 3072;
const GUESS_MOBILE_MB = 2048;
const GUESS_FALLBACK_MB = 1024;

function isMobileGpu(adapter: AdapterSummary): boolean {
  return /qualcomm|adreno|arm|mali|imagination|powervr/i.test(
    `${adapter.vendor} ${adapter.architecture} ${adapter.description}`,
  );
}

function isIntegratedGpu(adapter: AdapterSummary): boolean {
  return /intel|integrated|uhd|iris/i.test(
    `${adapter.vendor} ${adapter.architecture} ${adapter.description}`,
  );
}

/**
 * A conservative guess of usable GPU memory (MB) from the adapter: no API reports it, so these are deliberate
 * guesses (not measurements) that the device log and the visitor's override correct. 0 MB without an adapter.
 */
export function heuristicBudget(
  adapter: AdapterSummary | null,
  hints: DeviceHints = {},
): { budgetMB: number; lowResourceDevice: boolean; reasons: string[] } {
  if (!adapter) return { budgetMB: 0, lowResourceDevice: true, reasons: ['No GPU adapter.'] };
  const reasons: string[] = [];
  let budget = GUESS_DEFAULT_MB;
  let low = false;
  if (adapter.isFallbackAdapter) {
    budget = GUESS_FALLBACK_MB;
    low = true;
    reasons.push('A software (CPU) adapter: only the smallest models are worth trying.');
  } else if (isMobileGpu(adapter)) {
    budget = GUESS_MOBILE_MB;
    low = true;
    reasons.push('A mobile GPU shares a small memory with the whole phone or tablet.');
  } else if (isIntegratedGpu(adapter)) {
    budget = GUESS_INTEGRATED_MB;
    reasons.push('An integrated GPU shares system memory.');
  } else {
    reasons.push('An unknown or discrete GPU: a conservative default until a load teaches more.');
  }
  if (hints.deviceMemoryGB !== undefined && hints.deviceMemoryGB > 0) {
    // The GPU cannot use more than about half of what the browser says the device has.
    const cap = hints.deviceMemoryGB * 1024 * 0.5;
    if (cap < budget) {
      budget = cap;
      low = low || hints.deviceMemoryGB <= 4;
      reasons.push(`The browser reports ${hints.deviceMemoryGB} GB of device memory.`);
    }
  }
  const maxBufferMB = adapter.limits.maxBufferSize / MB;
  if (maxBufferMB > 0 && maxBufferMB < 1024) {
    low = true;
    reasons.push(`The adapter allows buffers of only ${Math.round(maxBufferMB)} MB.`);
  }
  return { budgetMB: Math.round(budget), lowResourceDevice: low, reasons };
}

/** Replays the log in time order: a newer success lifts an older loss's ceiling, and vice versa. */
export function learnFromLog(log: readonly DeviceLogRecord[]): {
  floorMB: number | null;
  ceilingMB: number | null;
} {
  let floor: number | null = null;
  let ceiling: number | null = null;
  for (const entry of [...log].sort((a, b) => a.at - b.at)) {
    const total = entry.vramMB + entry.residentMB;
    if (entry.outcome === 'loaded') {
      floor = Math.max(floor ?? 0, total);
      if (ceiling !== null && ceiling <= total) ceiling = null;
    } else {
      ceiling = Math.min(ceiling ?? Infinity, total);
      if (floor !== null && floor >= total) floor = null;
    }
  }
  return { floorMB: floor, ceilingMB: ceiling };
}

/** `log` should hold this adapter's records only (see readDeviceLog). */
export function estimateBudget(
  adapter: AdapterSummary | null,
  log: readonly DeviceLogRecord[],
  overrideMB: number | null,
  hints: DeviceHints = {},
): BudgetEstimate {
  const heuristic = heuristicBudget(adapter, hints);
  const { floorMB, ceilingMB } = learnFromLog(log);
  const reasons = [...heuristic.reasons];
  let budget = heuristic.budgetMB;
  let source: BudgetEstimate['source'] = adapter ? 'heuristic' : 'none';
  if (floorMB !== null && floorMB > budget) {
    budget = floorMB;
    source = 'learned';
    reasons.push(`${Math.round(floorMB)} MB of models loaded here before.`);
  }
  if (ceilingMB !== null && budget >= ceilingMB * (1 - LOSS_MARGIN)) {
    // Never below a total that loaded: the replay keeps the floor under the ceiling.
    budget = Math.max(ceilingMB * (1 - LOSS_MARGIN), floorMB ?? 0);
    source = 'learned';
    reasons.push(`The GPU was lost at ${Math.round(ceilingMB)} MB here: staying below it.`);
  }
  if (overrideMB !== null && overrideMB > 0) {
    budget = overrideMB;
    source = 'override';
    reasons.push('Set by you.');
  }
  return {
    budgetMB: Math.round(budget),
    source,
    heuristicMB: heuristic.budgetMB,
    floorMB,
    ceilingMB,
    lowResourceDevice: heuristic.lowResourceDevice,
    reasons,
  };
}
