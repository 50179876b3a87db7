// Simulated-engine options read from the URL (speed, answer length, injected failures), and what is refused.
import { describe, expect, it } from 'vitest';
import { simOptionsFromUrl } from '../../../../src/models/list/sim-url-options.js';

describe('simOptionsFromUrl', () => {
  it('reads speed, answer length and time to first token in simulated mode', () => {
    expect(simOptionsFromUrl('?engine=sim&simSpeed=250&simTokens=5000&simTtft=100', 'sim')).toEqual(
      { tokensPerSecond: 250, answerTokens: 5000, timeToFirstTokenMs: 100 },
    );
    expect(simOptionsFromUrl('?simSpeed=12.5', 'sim')).toEqual({ tokensPerSecond: 12.5 });
    expect(simOptionsFromUrl('?simDownloadMs=20000', 'sim')).toEqual({ downloadMs: 20_000 });
  });

  it('ignores the parameters unless the engine mode is sim', () => {
    expect(simOptionsFromUrl('?simSpeed=250&simTokens=5000', 'webllm')).toBeUndefined();
  });

  it('drops values that are out of bounds, not numbers or not whole token counts', () => {
    expect(simOptionsFromUrl('?simSpeed=0&simTokens=2.5&simTtft=-1', 'sim')).toBeUndefined();
    expect(simOptionsFromUrl('?simSpeed=fast&simTokens=1e9&simTtft=', 'sim')).toBeUndefined();
    expect(simOptionsFromUrl('?simSpeed=99999&simTokens=800', 'sim')).toEqual({
      answerTokens: 800,
    });
  });

  it('returns nothing when no simulated option is named', () => {
    expect(simOptionsFromUrl('?engine=sim&prompt=hello', 'sim')).toBeUndefined();
  });

  it('reads an injected failure, its token count and the one model it hits', () => {
    expect(
      simOptionsFromUrl('?simFail=device-lost&simFailAfter=3&simFailModel=sim-tiny-360M', 'sim'),
    ).toEqual({ failure: { kind: 'device-lost', afterTokens: 3, modelId: 'sim-tiny-360M' } });
    expect(simOptionsFromUrl('?simFail=hang', 'sim')).toEqual({ failure: { kind: 'hang' } });
    expect(simOptionsFromUrl('?simFail=explode&simFailAfter=3', 'sim')).toBeUndefined();
    expect(
      simOptionsFromUrl('?simFail=die-mid-stream&simFailAfter=-2&simFailModel=a b', 'sim'),
    ).toEqual({ failure: { kind: 'die-mid-stream' } });
    expect(simOptionsFromUrl('?simFail=device-lost', 'webllm')).toBeUndefined();
  });

  it('reads writing styles for every model and per model, ignoring unknown ones', () => {
    expect(simOptionsFromUrl('?simStyle=think,markdown,shout', 'sim')).toEqual({
      styles: ['think', 'markdown'],
    });
    expect(
      simOptionsFromUrl('?simStyle=tokens&simStyle.sim-tiny-360M=angle,judge-fence', 'sim'),
    ).toEqual({ styles: ['tokens'], modelStyles: { 'sim-tiny-360M': ['angle', 'judge-fence'] } });
    expect(simOptionsFromUrl('?simStyle=think', 'webllm')).toBeUndefined();
  });

  it('gives each simulated model its own real-world mix with simStyle=real', () => {
    const options = simOptionsFromUrl('?simStyle=real', 'sim');
    expect(options?.styles).toBeUndefined();
    const mixes = Object.values(options?.modelStyles ?? {});
    expect(mixes.length).toBeGreaterThanOrEqual(4);
    expect(new Set(mixes.map((mix) => mix.join())).size).toBeGreaterThan(1);
    expect(mixes.flat()).toEqual(expect.arrayContaining(['think', 'markdown', 'tokens', 'angle']));
  });
});
