// The GPU-memory budget: the heuristic per adapter, what the device log teaches it, the visitor's override, and its store.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/db/open-database.js';
import {
  estimateBudget,
  heuristicBudget,
  learnFromLog,
  type DeviceLogRecord,
} from '../../../../src/models/gpu/memory-budget.js';
import {
  readBudgetOverride,
  readDeviceLog,
  recordLoadOutcome,
  writeBudgetOverride,
} from '../../../../src/models/gpu/memory-budget-store.js';
import { DESKTOP_LIMITS, DISCRETE_ADAPTER } from '../../../support/gpu-fixtures.js';

function entry(outcome: DeviceLogRecord['outcome'], vramMB: number, at: number): DeviceLogRecord {
  return { modelId: 'm', vramMB, residentMB: 0, outcome, adapterKey: 'k', at };
}

describe('heuristic budget', () => {
  it('gives no budget without an adapter', () => {
    expect(heuristicBudget(null).budgetMB).toBe(0);
  });

  it('gives a fallback or mobile adapter less than a discrete GPU and marks it low-resource', () => {
    const fallback = heuristicBudget({ ...DISCRETE_ADAPTER, isFallbackAdapter: true });
    const mobile = heuristicBudget({
      ...DISCRETE_ADAPTER,
      vendor: 'qualcomm',
      architecture: 'adreno-7xx',
    });
    const gpu = heuristicBudget(DISCRETE_ADAPTER);
    expect(fallback.budgetMB).toBeLessThan(gpu.budgetMB);
    expect(mobile.budgetMB).toBeLessThan(gpu.budgetMB);
    expect(fallback.lowResourceDevice && mobile.lowResourceDevice).toBe(true);
    expect(gpu.lowResourceDevice).toBe(false);
  });

  it('caps the guess by the device memory the browser reports', () => {
    expect(heuristicBudget(DISCRETE_ADAPTER, { deviceMemoryGB: 4 }).budgetMB).toBe(2048);
  });

  it('treats small buffer limits as a low-resource device', () => {
    const small = {
      ...DISCRETE_ADAPTER,
      limits: { ...DESKTOP_LIMITS, maxBufferSize: 256 * 1024 * 1024 },
    };
    expect(heuristicBudget(small).lowResourceDevice).toBe(true);
  });
});

describe('learning from the device log', () => {
  it('a recorded device loss lowers the budget below the total that was lost', () => {
    const before = estimateBudget(DISCRETE_ADAPTER, [], null);
    const after = estimateBudget(DISCRETE_ADAPTER, [entry('device-lost', 3000, 1)], null);
    expect(after.budgetMB).toBeLessThan(3000);
    expect(after.budgetMB).toBeLessThan(before.budgetMB);
    expect(after.source).toBe('learned');
  });

  it('counts the models already resident in the lost total', () => {
    const lost = { ...entry('out-of-memory', 1000, 1), residentMB: 1500 };
    expect(estimateBudget(DISCRETE_ADAPTER, [lost], null).budgetMB).toBeLessThan(2500);
  });

  it('a successful load raises the budget to at least what loaded', () => {
    const estimate = estimateBudget(DISCRETE_ADAPTER, [entry('loaded', 7000, 1)], null);
    expect(estimate.budgetMB).toBe(7000);
    expect(estimate.floorMB).toBe(7000);
  });

  it('never drops below a total that loaded, even just under a loss', () => {
    const log = [entry('loaded', 2950, 1), entry('device-lost', 3000, 2)];
    expect(estimateBudget(DISCRETE_ADAPTER, log, null).budgetMB).toBe(2950);
  });

  it('a newer success above an older loss lifts the ceiling', () => {
    expect(learnFromLog([entry('device-lost', 3000, 1), entry('loaded', 3500, 2)])).toEqual({
      floorMB: 3500,
      ceilingMB: null,
    });
  });

  it('a newer loss below an older success drops the floor', () => {
    expect(learnFromLog([entry('loaded', 3500, 1), entry('device-lost', 3000, 2)])).toEqual({
      floorMB: null,
      ceilingMB: 3000,
    });
  });

  it('the visitor override wins over heuristic and learning', () => {
    const estimate = estimateBudget(DISCRETE_ADAPTER, [entry('device-lost', 3000, 1)], 6000);
    expect(estimate).toMatchObject({ budgetMB: 6000, source: 'override', ceilingMB: 3000 });
  });
});

describe('device log and override in IndexedDB', () => {
  it('records outcomes per adapter and reads back only that adapter', async () => {
    const db = await openDatabase({ name: `budget-${Math.random()}` });
    await recordLoadOutcome(db, { ...entry('loaded', 900, 1), adapterKey: 'gpu-a' });
    await recordLoadOutcome(db, { ...entry('device-lost', 2000, 2), adapterKey: 'gpu-b' });
    const log = await readDeviceLog(db, 'gpu-a');
    expect(log.map((e) => [e.outcome, e.vramMB])).toEqual([['loaded', 900]]);
    db.close();
  });

  it('stores, reads and clears the budget override', async () => {
    const db = await openDatabase({ name: `budget-${Math.random()}` });
    expect(await readBudgetOverride(db)).toBeNull();
    await writeBudgetOverride(db, 5120);
    expect(await readBudgetOverride(db)).toBe(5120);
    await writeBudgetOverride(db, null);
    expect(await readBudgetOverride(db)).toBeNull();
    db.close();
  });
});
