// The recorded engine's load options: the replay pace a recorded model gets (instant, the URL's speed, or its own).
import { describe, expect, it } from 'vitest';
import { GSM8K_RECORDED_MODELS } from '../../../../src/models/list/recorded-models.js';
import { recordedLoadOptions } from '../../../../src/models/list/recorded-offers.js';
import {
  fromRecordedModel,
  fromSimModel,
  type RegistryModel,
} from '../../../../src/models/list/registry-models.js';
import { SIM_MODELS } from '../../../../src/models/list/sim-models.js';

const big: RegistryModel = fromRecordedModel(GSM8K_RECORDED_MODELS[3]!);

describe('recordedLoadOptions', () => {
  it("replays at the model's own pace, or at the URL's recordedSpeed when given", () => {
    const own = recordedLoadOptions(big, undefined);
    expect(own).toEqual({
      source: {
        kind: 'gsm8k',
        url: '/eval/gsm8k-recorded-solutions.jsonl',
        column: '175b_verification',
      },
      label: 'GPT-3 175B + verifier (recorded)',
      tokensPerSecond: 45,
      timeToFirstTokenMs: 250,
    });
    expect(recordedLoadOptions(big, 300)?.tokensPerSecond).toBe(300);
  });

  it('replays every recording at one pace, whatever the size of the model that wrote it', () => {
    const paces = GSM8K_RECORDED_MODELS.map((m) => fromRecordedModel(m)).map((m) => {
      const options = recordedLoadOptions(m, undefined);
      return [options?.tokensPerSecond, options?.timeToFirstTokenMs];
    });
    expect(new Set(paces.map((p) => p.join('/')))).toEqual(new Set(['45/250']));
  });

  it('gives an instant replay (0 tokens per second) whatever the URL asks', () => {
    expect(recordedLoadOptions({ ...big, replay: 'instant' }, 300)?.tokensPerSecond).toBe(0);
  });

  it('gives nothing for a model that is not recorded', () => {
    expect(recordedLoadOptions(fromSimModel(SIM_MODELS[0]!), 300)).toBeUndefined();
  });
});
