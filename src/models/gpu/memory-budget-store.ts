// The IndexedDB side of the memory budget: the device log of loads and losses, and the visitor's override.
import type { QuorumDatabase } from '../../db/open-database.js';
import { BUDGET_OVERRIDE_KEY, type DeviceLogRecord } from './memory-budget.js';

/**
 * Adds one load's outcome to the device log (`at` defaults to now, epoch ms); resolves with the record's id.
 */
export async function recordLoadOutcome(
  db: QuorumDatabase,
  entry: Omit<DeviceLogRecord, 'id' | 'at'> & { at?: number },
): Promise<number> {
  return db.add('deviceLog', { ...entry, at: entry.at ?? Date.now() });
}

/** The log has no adapter index; it stays small (one record per load attempt), so filter in memory. */
export async function readDeviceLog(
  db: QuorumDatabase,
  adapterKey: string,
): Promise<DeviceLogRecord[]> {
  return (await db.getAll('deviceLog')).filter((entry) => entry.adapterKey === adapterKey);
}

/** Simulated mode's pretend GPU keeps its own override: setting one never changes the real GPU's. */
export type BudgetDevice = 'real' | 'simulated';

const overrideKey = (device: BudgetDevice): string =>
  device === 'real' ? BUDGET_OVERRIDE_KEY : `${BUDGET_OVERRIDE_KEY}.simulated`;

/**
 * The visitor's budget override in MB, or null when none is set (or the stored value is not a positive
 * number).
 */
export async function readBudgetOverride(
  db: QuorumDatabase,
  device: BudgetDevice = 'real',
): Promise<number | null> {
  const value = await db.get('settings', overrideKey(device));
  return typeof value === 'number' && value > 0 ? value : null;
}

/** null clears the override and returns to the heuristic and what was learned. */
export async function writeBudgetOverride(
  db: QuorumDatabase,
  mb: number | null,
  device: BudgetDevice = 'real',
): Promise<void> {
  if (mb === null) await db.delete('settings', overrideKey(device));
  else await db.put('settings', mb, overrideKey(device));
}
