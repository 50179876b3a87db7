// The `runs` store: newest first, progressive saves overwritten, runs no tab finishes read as stopped.
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../../src/fusion/history/run-store.js';
import type { RunRecord } from '../../../../src/fusion/history/run-record.js';
import { freshDatabase } from '../../catalog/support.js';

const run = (id: string, createdAt: number, status: RunRecord['status'] = 'done'): RunRecord => ({
  id,
  mode: 'vote',
  prompt: `prompt ${id}`,
  history: [],
  poolIds: ['m1', 'm2'],
  judgeId: null,
  options: { samples: 3 },
  answers: [],
  finalAnswer: status === 'done' ? '391' : null,
  trace: null,
  cost: null,
  status,
  createdAt,
  finishedAt: status === 'running' ? null : createdAt + 10,
});

describe('RunStore', () => {
  it('lists runs newest first and gets one by id', async () => {
    const store = new RunStore(await freshDatabase());
    await store.save(run('old', 1));
    await store.save(run('new', 3));
    await store.save(run('mid', 2));
    expect((await store.list()).map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect((await store.get('mid'))?.prompt).toBe('prompt mid');
    expect(await store.get('missing')).toBeNull();
  });

  it('overwrites a progressively saved run with its final record', async () => {
    const store = new RunStore(await freshDatabase());
    store.begin('r');
    await store.save(run('r', 1, 'running'));
    expect((await store.get('r'))?.status).toBe('running');
    await store.save(run('r', 1, 'done'));
    const runs = await store.list();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('done');
  });

  it('reads a running record no tab is finishing as stopped, keeping its partial answers', async () => {
    const db = await freshDatabase();
    const partial = {
      ...run('cut', 1, 'running'),
      answers: [
        {
          memberId: 'm1',
          label: 'M1',
          simulated: true,
          text: 'half an ans',
          usage: null,
          error: null,
          tag: 'sample 1',
        },
      ],
    };
    const before = new RunStore(db);
    before.begin('cut');
    await before.save(partial);
    // A new page load: a fresh store with no live runs.
    const after = new RunStore(db);
    const reopened = await after.get('cut');
    expect(reopened?.status).toBe('stopped');
    expect(reopened?.answers[0]?.text).toBe('half an ans');
    expect((await after.list())[0]?.status).toBe('stopped');
    expect((await before.get('cut'))?.status).toBe('running');
  });

  it('deletes a run', async () => {
    const store = new RunStore(await freshDatabase());
    await store.save(run('a', 1));
    await store.save(run('b', 2));
    await store.delete('a');
    expect((await store.list()).map((r) => r.id)).toEqual(['b']);
  });
});
