// The toast text for a model that lost the GPU or ran out of memory: its name, and what the registry did about it.
import { describe, expect, it } from 'vitest';
import { ERROR_ADVICE } from '../../../src/shared/errors.js';
import {
  listenForModelFailures,
  modelFailureMessage,
} from '../../../src/models/model-failure-message.js';
import type { ModelFailureDetail } from '../../../src/models/model-registry.js';

const lost = (retry: ModelFailureDetail['retry']): ModelFailureDetail => ({
  modelId: 'gemma-2b',
  error: { kind: 'device-lost', message: ERROR_ADVICE['device-lost'] },
  retry,
});

describe('model failure message', () => {
  it('says the GPU was lost and that Quorum retries with a shorter context', () => {
    expect(modelFailureMessage(lost('smaller-variant'))).toMatch(
      /gemma-2b lost the GPU.*retrying once with a shorter context/,
    );
  });

  it('names the smaller variant, its context and the answer limit picked with it', () => {
    const text = modelFailureMessage({
      ...lost('smaller-variant'),
      variant: { label: 'gemma-2b-1k', contextWindow: 1024, answerTokens: 512 },
    });
    expect(text).toMatch(/retrying once with gemma-2b-1k.*1,024-token context.*at most 512 tokens/);
  });

  it('names the model as the visitor knows it when the registry has a label', () => {
    expect(modelFailureMessage({ ...lost(null), label: 'Gemma 2B' })).toMatch(
      /^Gemma 2B lost the GPU while answering/,
    );
  });

  it('says the others were unloaded for a sequential retry', () => {
    expect(modelFailureMessage(lost('sequential'))).toMatch(/unloaded the others.*on its own/);
  });

  it('says Quorum gave up and passes on the advice to act on', () => {
    const text = modelFailureMessage(lost('give-up'));
    expect(text).toMatch(/nothing smaller to retry/);
    expect(text).toContain(ERROR_ADVICE['device-lost']);
  });

  it('names running out of memory apart from a lost GPU', () => {
    const oom: ModelFailureDetail = {
      modelId: 'm',
      error: { kind: 'out-of-memory', message: 'x' },
      retry: null,
    };
    expect(modelFailureMessage(oom)).toMatch(/^m ran out of memory while answering/);
  });

  it('shows each model-failure event of the registry until told to stop', () => {
    const registry = new EventTarget();
    const shown: string[] = [];
    const stop = listenForModelFailures(registry, (m) => shown.push(m));
    registry.dispatchEvent(new CustomEvent('model-failure', { detail: lost('sequential') }));
    stop();
    registry.dispatchEvent(new CustomEvent('model-failure', { detail: lost('give-up') }));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/gemma-2b lost the GPU beside other models/);
  });
});
