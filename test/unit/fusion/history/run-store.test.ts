// The runs store: newest first, progressive saves, and two tabs agreeing on who runs what and what was deleted.
import { describe, expect, it } from 'vitest';
import { memoryRunOwners } from '../../../../src/fusion/history/run-owners.js';
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

  it('reads a running record no tab holds as interrupted, keeping its partial answers', async () => {
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
    // Cut off without a word (a discarded or crashed tab saves nothing on the way out).
    expect(reopened?.status).toBe('interrupted');
    expect(reopened?.answers[0]?.text).toBe('half an ans');
    expect((await after.list())[0]?.status).toBe('interrupted');
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

/** Two tabs of one browser: one database, one set of Web Locks. */
async function twoTabs(): Promise<{
  a: RunStore;
  b: RunStore;
  db: Awaited<ReturnType<typeof freshDatabase>>;
}> {
  const db = await freshDatabase();
  const owners = memoryRunOwners();
  return { a: new RunStore(db, { owners }), b: new RunStore(db, { owners }), db };
}

describe('RunStore across tabs', () => {
  it('shows a run still going in another tab as running there, not stopped', async () => {
    const { a, b } = await twoTabs();
    a.begin('r');
    await a.save(run('r', 1, 'running'));
    expect(await b.get('r')).toMatchObject({ status: 'running', runningIn: 'another-tab' });
    expect((await b.list())[0]).toMatchObject({ status: 'running', runningIn: 'another-tab' });
    expect(await a.get('r')).toMatchObject({ status: 'running', runningIn: 'this-tab' });
    a.close();
    b.close();
  });

  it('tells the other tab when the owner lets go, and the run then reads as it was saved', async () => {
    const { a, b } = await twoTabs();
    a.begin('r');
    await a.save(run('r', 1, 'running'));
    const changed = new Promise((resolve) => b.addEventListener('change', resolve, { once: true }));
    await b.list();
    await a.save(run('r', 1, 'done'));
    await changed;
    expect((await b.get('r'))?.status).toBe('done');
    a.close();
    b.close();
  });

  it('tells this tab’s own views when a run of this tab ends or is deleted, not on its progress saves', async () => {
    const store = new RunStore(await freshDatabase());
    let changes = 0;
    store.addEventListener('change', () => (changes += 1));
    store.begin('r');
    await store.save(run('r', 1, 'running'));
    // A history page opened mid-run listed it as running here: it must hear the end to re-read.
    expect(changes).toBe(0);
    await store.save(run('r', 1, 'stopped'));
    expect(changes).toBe(1);
    await store.delete('r');
    expect(changes).toBe(2);
    store.close();
  });

  it('does not save again a run another tab deleted, and says so', async () => {
    const { a, b, db } = await twoTabs();
    a.begin('r');
    expect(await a.save(run('r', 1, 'running'))).toBe('saved');
    await b.delete('r');
    expect(await a.save(run('r', 1, 'running'))).toBe('deleted');
    expect(await a.save(run('r', 1, 'done'))).toBe('deleted');
    expect(await db.get('runs', 'r')).toBeUndefined();
    expect(await b.list()).toEqual([]);
    a.close();
    b.close();
  });
});
