// The GPU-memory planner: side by side when models fit with headroom, else stages packed first-fit decreasing.
import { describe, expect, it } from 'vitest';
import { planGpuMemory } from '../../../../src/models/gpu/plan-gpu-memory.js';

const a = { id: 'a', vramMB: 1000 };
const b = { id: 'b', vramMB: 900 };
const c = { id: 'c', vramMB: 800 };

describe('planGpuMemory', () => {
  it('runs models side by side when they fit with headroom', () => {
    const plan = planGpuMemory([a, b], 2200, { headroomFraction: 0.1 });
    expect(plan.concurrent).toBe(true);
    expect(plan.stages).toHaveLength(1);
    expect(plan.stages[0]).toMatchObject({ modelIds: ['a', 'b'], totalMB: 1900 });
    expect(plan.unfit).toEqual([]);
  });

  it('keeps the headroom free: what fits in the raw budget may not fit after it', () => {
    expect(planGpuMemory([a, b], 2000, { headroomFraction: 0 }).concurrent).toBe(true);
    expect(planGpuMemory([a, b], 2000, { headroomFraction: 0.1 }).concurrent).toBe(false);
    expect(planGpuMemory([a, b], 2000).usableMB).toBe(1800);
  });

  it('stages models in sequence, largest first, packing first-fit decreasing', () => {
    const plan = planGpuMemory([c, a, b, { id: 'd', vramMB: 300 }], 1500, { headroomFraction: 0 });
    expect(plan.concurrent).toBe(false);
    expect(plan.stages.map((s) => s.modelIds)).toEqual([['a', 'd'], ['b'], ['c']]);
    expect(plan.notes.join(' ')).toMatch(/3 stages/);
  });

  it('is deterministic whatever the input order, ties broken by id', () => {
    const x = { id: 'x', vramMB: 500 };
    const y = { id: 'y', vramMB: 500 };
    const one = planGpuMemory([y, x, a], 1200, { headroomFraction: 0 });
    const two = planGpuMemory([a, x, y], 1200, { headroomFraction: 0 });
    expect(one).toEqual(two);
    expect(one.stages.map((s) => s.modelIds)).toEqual([['a'], ['x', 'y']]);
  });

  it('marks a model larger than the usable budget alone as unfit and plans the rest', () => {
    const huge = { id: 'huge', vramMB: 5000 };
    const plan = planGpuMemory([huge, a], 4000);
    expect(plan.unfit).toEqual([
      { ...huge, cause: 'memory', why: expect.stringMatching(/5000 MB/) },
    ]);
    expect(plan.stages.map((s) => s.modelIds)).toEqual([['a']]);
    expect(plan.notes.join(' ')).toMatch(/huge needs 5000 MB.*raise the GPU budget/);
  });

  it('leaves out a model this GPU cannot run whatever the budget, with its reason', () => {
    const gemma = { id: 'gemma', vramMB: 1500, gpuProblem: 'Too large for this GPU.' };
    const plan = planGpuMemory([gemma, a], 1e6);
    expect(plan.unfit).toEqual([{ ...gemma, cause: 'gpu', why: 'Too large for this GPU.' }]);
    expect(plan.stages.map((s) => s.modelIds)).toEqual([['a']]);
  });

  it('a raised budget (the visitor override) turns an unfit model into a planned one', () => {
    const huge = { id: 'huge', vramMB: 5000 };
    expect(planGpuMemory([huge], 4000).unfit).toHaveLength(1);
    expect(planGpuMemory([huge], 6000).stages).toHaveLength(1);
  });
});
