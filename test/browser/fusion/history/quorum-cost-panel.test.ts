// <quorum-cost-panel> in Chromium: a run with recorded members says their seconds are a replay's, not a model's speed.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/history/quorum-cost-panel.js';
import {
  REPLAY_TIME_NOTE,
  type QuorumCostPanel,
} from '../../../../src/fusion/history/quorum-cost-panel.js';
import type { ModelCost, RunCost } from '../../../../src/fusion/core/cost.js';

const member = (memberId: string, busyMs: number): ModelCost => ({
  memberId,
  promptTokens: 40,
  completionTokens: 100,
  totalTokens: 140,
  calls: 1,
  busyMs,
});

/** A finished two-member run's cost, with the members given. */
function costOf(perModel: ModelCost[]): RunCost {
  return {
    perModel,
    promptTokens: 80,
    completionTokens: 200,
    totalTokens: 280,
    wallMs: 3000,
    slowestMember: { memberId: perModel[0]!.memberId, ms: 3000 },
    judgingMs: 0,
    singleAnswer: { memberId: perModel[1]!.memberId, ms: 2000, tokens: 140 },
    overhead: { time: 1.5, tokens: 2 },
  };
}

async function render(cost: RunCost): Promise<QuorumCostPanel> {
  const panel = document.createElement('quorum-cost-panel');
  panel.cost = cost;
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

afterEach(() => document.body.replaceChildren());

describe('<quorum-cost-panel>', () => {
  it('says under the table that recorded members’ times are a replay at one made-up pace', async () => {
    const panel = await render(
      costOf([member('recorded-gsm8k-175b-verifier', 3000), member('sim-tiny-360M', 2000)]),
    );
    const note = panel.shadowRoot?.querySelector('[data-testid="replay-time-note"]');
    expect(note?.textContent?.trim()).toBe(REPLAY_TIME_NOTE);
  });

  it('says nothing about replays when no member was recorded', async () => {
    const panel = await render(
      costOf([member('sim-steady-1.5B', 3000), member('sim-tiny-360M', 2000)]),
    );
    expect(panel.shadowRoot?.textContent).toContain('Wall time');
    expect(panel.shadowRoot?.querySelector('[data-testid="replay-time-note"]')).toBeNull();
  });

  it('says under the figures that wall time and time ratios include a wait on members that gave no answer', async () => {
    const quiet = await render(
      costOf([member('sim-swift-0.5B', 1100), member('sim-tiny-360M', 600)]),
    );
    expect(quiet.shadowRoot?.querySelector('[data-testid="failed-wait"]')).toBeNull();
    document.body.replaceChildren();
    const panel = await render({
      ...costOf([member('sim-swift-0.5B', 1100), member('sim-tiny-360M', 600)]),
      wallMs: 30_700,
      failedWaitMs: 30_000,
    });
    expect(panel.shadowRoot?.querySelector('[data-testid="failed-wait"]')?.textContent).toBe(
      'Wall time and the time ratios include 30.0 s spent waiting on members that gave no answer (failed or stopped).',
    );
  });
});
