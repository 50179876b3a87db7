// The memory plan's stages: who runs together, who waits, and when a stage's models are unloaded.
import { describe, expect, it } from 'vitest';
import { resolveStages, runInStages } from '../../../../src/fusion/core/stages.js';

describe('resolveStages', () => {
  it('runs everyone together without a plan', () => {
    expect(resolveStages(undefined, ['a', 'b'])).toEqual([['a', 'b']]);
  });
  it('appends members the plan left out', () => {
    expect(resolveStages([['b']], ['a', 'b', 'c'])).toEqual([['b'], ['a', 'c']]);
  });
});

describe('runInStages', () => {
  it('runs one member’s tasks one after another and returns results in task order', async () => {
    const log: string[] = [];
    const task = (memberId: string, name: string, ms: number) => ({
      memberId,
      run: async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        return name;
      },
    });
    const results = await runInStages(
      [['a', 'b']],
      [task('a', 'a1', 20), task('a', 'a2', 1), task('b', 'b1', 1)],
    );
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });
});

describe('runInStages with onStageDone', () => {
  const task = (log: string[], memberId: string, name: string, ms: number, fail = false) => ({
    memberId,
    run: async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    },
  });

  it('reports each stage’s members after all their tasks ended and before the next stage starts', async () => {
    const log: string[] = [];
    const done: string[][] = [];
    await runInStages(
      [['a', 'b'], ['c']],
      [
        task(log, 'a', 'a1', 5),
        task(log, 'c', 'c1', 1),
        task(log, 'a', 'a2', 5),
        task(log, 'b', 'b1', 1),
      ],
      async (ids) => {
        done.push([...ids]);
        log.push(`done ${ids.join(',')}`);
      },
    );
    expect(done).toEqual([['a', 'b'], ['c']]);
    const at = (entry: string) => log.indexOf(entry);
    expect(at('done a,b')).toBeGreaterThan(at('end a2'));
    expect(at('done a,b')).toBeGreaterThan(at('end b1'));
    expect(at('done a,b')).toBeLessThan(at('start c1'));
    expect(at('done c')).toBe(log.length - 1);
  });

  it('waits for the rest of a stage when one of its tasks fails, then rethrows', async () => {
    const log: string[] = [];
    const run = runInStages(
      [['a', 'b'], ['c']],
      [task(log, 'a', 'a1', 1, true), task(log, 'b', 'b1', 20), task(log, 'c', 'c1', 1)],
      async (ids) => {
        log.push(`done ${ids.join(',')}`);
      },
    );
    await expect(run).rejects.toThrow('a1 failed');
    expect(log.indexOf('done a,b')).toBeGreaterThan(log.indexOf('end b1'));
    expect(log).not.toContain('start c1');
  });

  it('never calls the hook for a single stage', async () => {
    const log: string[] = [];
    let calls = 0;
    await runInStages(
      [['a', 'b']],
      [task(log, 'a', 'a1', 1), task(log, 'b', 'b1', 1)],
      async () => {
        calls++;
      },
    );
    expect(calls).toBe(0);
  });
});
