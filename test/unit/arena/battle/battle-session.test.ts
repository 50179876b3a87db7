// A blind battle: seeded sides, names kept back until the vote, one model at a time when two do not fit.
import { describe, expect, it } from 'vitest';
import { BattleSession, type BattleClient } from '../../../../src/arena/battle/battle-session.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';
import { ScriptedClient, type ScriptStep } from '../../fusion/scripted-client.js';

interface Setup {
  fit?: boolean;
  scripts?: Record<string, ScriptStep[]>;
  /** Recorded models' sources by id. */
  recorded?: Record<string, string>;
}

function setup({ fit = true, scripts = {}, recorded = {} }: Setup = {}) {
  const events: string[] = [];
  const votes: Vote[] = [];
  const clients = new Map<string, BattleClient>();
  const client = (id: string): BattleClient => {
    const existing = clients.get(id);
    if (existing) return existing;
    const scripted = new ScriptedClient({
      id,
      label: `Label of ${id}`,
      script: scripts[id] ?? [{ text: `answer from ${id}`, delayMs: 5 }],
    });
    const wrapped: BattleClient = {
      id,
      label: scripted.label,
      simulated: true,
      paramsB: null,
      supportsJson: false,
      async *stream(params, signal) {
        events.push(`stream ${id}`);
        yield* scripted.stream(params, signal);
        events.push(`end ${id}`);
      },
      unload: async () => {
        events.push(`unload ${id}`);
      },
    };
    clients.set(id, wrapped);
    return wrapped;
  };
  const session = new BattleSession({
    client,
    fitTogether: async () => fit,
    saveVote: async (vote) => {
      votes.push(vote);
    },
    now: () => Date.UTC(2026, 10, 27, 12),
    recordedSource: (id) => recorded[id] ?? null,
  });
  return { session, events, votes };
}

describe('BattleSession', () => {
  it('shows the pair in a seeded order: the same seed, the same Model A', async () => {
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { session } = setup();
      await session.start('Hi', ['x', 'y'], seed);
      orders.add(session.sides!.map((s) => s.modelId).join());
      const again = setup().session;
      await again.start('Hi', ['x', 'y'], seed);
      expect(again.sides!.map((s) => s.modelId)).toEqual(session.sides!.map((s) => s.modelId));
    }
    expect(orders).toEqual(new Set(['x,y', 'y,x']));
  });

  it('hands out a new object for a side whenever it changes, so its element re-renders before the vote', async () => {
    const { session } = setup({
      scripts: {
        x: [{ text: 'first part, then more', delayMs: 1 }],
        y: [{ text: 'other', delayMs: 1 }],
      },
    });
    // What a view holding the previous side objects would see on each 'change'.
    let previous: unknown[] = [];
    let previousTexts: string[] = [];
    const staleTexts: string[] = [];
    session.addEventListener('change', () => {
      const sides = session.sides ?? [];
      sides.forEach((side, i) => {
        if (side === previous[i] && side.text !== previousTexts[i]) staleTexts.push(side.text);
      });
      previous = [...sides];
      previousTexts = sides.map((side) => side.text);
    });
    await session.start('Which?', ['x', 'y'], 3);
    expect(session.phase).toBe('voting');
    expect(session.sides!.map((side) => side.status)).toEqual(['done', 'done']);
    expect(session.sides!.every((side) => side.text.length > 0)).toBe(true);
    expect(staleTexts).toEqual([]);
  });

  it('keeps the names back until the vote, then stores it with both lengths', async () => {
    const { session, votes } = setup({
      scripts: { x: [{ text: 'short', delayMs: 1 }], y: [{ text: 'much longer', delayMs: 1 }] },
    });
    await session.start('Which?', ['x', 'y'], 3);
    expect(session.phase).toBe('voting');
    expect(session.revealed).toBe(false);
    const [a, b] = session.sides!;
    await session.cast('b');
    expect(session.revealed).toBe(true);
    expect(votes).toEqual([
      {
        a: a!.modelId,
        b: b!.modelId,
        winner: 'b',
        source: 'human',
        at: '2026-11-27T12:00:00.000Z',
        prompt: 'Which?',
        lengthA: a!.text.length,
        lengthB: b!.text.length,
      },
    ]);
    expect(new Set([a!.text, b!.text])).toEqual(new Set(['short', 'much longer']));
  });

  it("counts a reasoning model's answer without its <think> part in the vote's lengths", async () => {
    const { session, votes } = setup({
      scripts: {
        x: [{ text: '<think>\nA long weighing of both options.\n</think>\n\nshort', delayMs: 1 }],
        y: [{ text: 'much longer', delayMs: 1 }],
      },
    });
    await session.start('Which?', ['x', 'y'], 3);
    await session.cast('tie');
    const lengthOf = (id: string) => (votes[0]!.a === id ? votes[0]!.lengthA : votes[0]!.lengthB);
    expect(lengthOf('x')).toBe('short'.length);
    expect(lengthOf('y')).toBe('much longer'.length);
  });

  it('runs one model at a time, freeing the first, when the two do not fit together', async () => {
    const { session, events } = setup({ fit: false });
    await session.start('Hi', ['x', 'y'], 1);
    const [a, b] = session.sides!.map((s) => s.modelId);
    expect(session.sequential).toBe(true);
    expect(events).toEqual([
      `stream ${a}`,
      `end ${a}`,
      `unload ${a}`,
      `stream ${b}`,
      `end ${b}`,
      `unload ${b}`,
    ]);
  });

  it('runs both at once when they fit', async () => {
    const { session, events } = setup({ fit: true });
    await session.start('Hi', ['x', 'y'], 1);
    expect(events.slice(0, 2).every((e) => e.startsWith('stream'))).toBe(true);
  });

  it('says which sides replay recorded answers, and from where, before the vote', async () => {
    const { session } = setup({ recorded: { x: 'GSM8K release', y: 'GSM8K release' } });
    await session.start('Hi', ['x', 'y'], 1);
    expect(session.revealed).toBe(false);
    expect(session.sides!.map((s) => s.recordedSource)).toEqual(['GSM8K release', 'GSM8K release']);
    const live = setup().session;
    await live.start('Hi', ['x', 'y'], 1);
    expect(live.sides!.map((s) => s.recordedSource)).toEqual([null, null]);
  });

  it('makes a battle with a failed side void: no vote, names shown', async () => {
    const { session, votes } = setup({ scripts: { y: [{ text: 'par', fail: 'device-lost' }] } });
    await session.start('Hi', ['x', 'y'], 1);
    expect(session.phase).toBe('void');
    expect(session.revealed).toBe(true);
    expect(session.sides!.find((s) => s.modelId === 'y')!.error?.kind).toBe('device-lost');
    await session.cast('a');
    expect(votes).toEqual([]);
  });

  it('makes a stopped battle void', async () => {
    const { session } = setup({ scripts: { x: [{ hang: true }], y: [{ hang: true }] } });
    const done = session.start('Hi', ['x', 'y'], 1);
    await new Promise((r) => setTimeout(r, 10));
    session.stop();
    await done;
    expect(session.phase).toBe('void');
  });
});
