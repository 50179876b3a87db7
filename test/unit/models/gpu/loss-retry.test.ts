// The one retry after a lost GPU: alone after others were resident, else the smaller variant, else give up.
import { describe, expect, it } from 'vitest';
import { decideLossRetry } from '../../../../src/models/gpu/loss-retry.js';

const a = { id: 'a', vramMB: 1000, contextWindow: 4096 };
const smaller = { id: 'a-1k', vramMB: 700, contextWindow: 1024 };
const variantOf = (model: { id: string }) => (model.id === 'a' ? smaller : null);

describe('decideLossRetry', () => {
  it('runs the model alone when others were resident, even if it has a smaller variant', () => {
    expect(decideLossRetry(a, true, variantOf)).toEqual({ action: 'sequential' });
  });

  it('swaps a model that was alone for its smaller-context variant, with answers of half its context', () => {
    expect(decideLossRetry(a, false, variantOf)).toEqual({
      action: 'smaller-variant',
      model: smaller,
      answerTokens: 512,
    });
  });

  it('gives up when a model alone lost the device and has no smaller variant', () => {
    expect(
      decideLossRetry({ id: 'b', vramMB: 900, contextWindow: 4096 }, false, variantOf),
    ).toEqual({
      action: 'give-up',
    });
  });
});
