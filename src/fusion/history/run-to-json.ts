// Exports a stored run as JSON, with the simulated flag spelled out so no reader mistakes it for real output.
import { isSimulatedRun, simulatedNotice } from './run-names.js';
import type { RunRecord } from './run-record.js';
import { optionsOfMode } from '../core/mode-options.js';

/** The export's format name and version: a reader can tell a Quorum run from any JSON, and which shape it has. */
export const RUN_EXPORT_FORMAT = 'quorum-run';
/** The export's shape version: raised when a field changes meaning. */
export const RUN_EXPORT_VERSION = 1;

/**
 * `{format: 'quorum-run', version: 1, ...the run, simulated, notice?}`, pretty-printed, ending in a
 * newline; the options are those the run's mode uses; `notice` says where the answers came from
 * (simulated, recorded or both) when not only real models answered.
 */
export function runToJson(run: RunRecord): string {
  const simulated = isSimulatedRun(run);
  // Who answered decides the notice: a simulated member that only failed leaves a recorded run's.
  const notice = simulatedNotice(run);
  const exported = {
    format: RUN_EXPORT_FORMAT,
    version: RUN_EXPORT_VERSION,
    ...run,
    options: optionsOfMode(run.mode, run.options),
    simulated,
    ...(notice ? { notice } : {}),
  };
  return `${JSON.stringify(exported, null, 2)}\n`;
}
