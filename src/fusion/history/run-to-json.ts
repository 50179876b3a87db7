// Exports a stored run as JSON, with the simulated flag spelled out so no reader mistakes it for real output.
import { SIMULATED_NOTICE, isSimulatedRun } from './run-names.js';
import type { RunRecord } from './run-record.js';

export function runToJson(run: RunRecord): string {
  const simulated = isSimulatedRun(run);
  const exported = { ...run, simulated, ...(simulated ? { notice: SIMULATED_NOTICE } : {}) };
  return `${JSON.stringify(exported, null, 2)}\n`;
}
