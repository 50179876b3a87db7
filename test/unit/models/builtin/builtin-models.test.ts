// The built-in side of the registry asks Chrome for availability once per page while the answer is settled.
import { afterEach, describe, expect, it } from 'vitest';
import { BuiltinModels } from '../../../../src/models/builtin/builtin-models.js';
import {
  isPlainChromium,
  type BuiltinAvailability,
} from '../../../../src/models/builtin/prompt-api.js';

const globals = globalThis as { LanguageModel?: unknown };

/** A Prompt API that answers `answers` in turn (the last one from then on) and counts the calls. */
function installApi(answers: BuiltinAvailability[]): { calls: () => number } {
  let calls = 0;
  globals.LanguageModel = {
    availability: () => Promise.resolve(answers[Math.min(calls++, answers.length - 1)]),
    create: () => Promise.resolve({ destroy: () => undefined }),
  };
  return { calls: () => calls };
}

afterEach(() => {
  delete globals.LanguageModel;
});

describe('BuiltinModels.state', () => {
  it('asks once however many views list the offers', async () => {
    const api = installApi(['unavailable']);
    const builtin = new BuiltinModels();
    const states = await Promise.all([builtin.state(), builtin.offers(), builtin.offers()]);
    await builtin.offers();
    expect(states[0]).toBe('unavailable');
    expect(api.calls()).toBe(1);
  });

  it('asks again while Chrome is downloading, and after a download started here', async () => {
    const api = installApi(['downloading', 'downloadable', 'available']);
    const builtin = new BuiltinModels();
    expect(await builtin.state()).toBe('downloading');
    expect(await builtin.state()).toBe('downloadable');
    expect(await builtin.state()).toBe('downloadable');
    expect(api.calls()).toBe(2);
    await builtin.download();
    expect(await builtin.state()).toBe('available');
    expect(api.calls()).toBe(3);
  });

  it('says missing where the browser has no Prompt API', async () => {
    expect(await new BuiltinModels().state()).toBe('missing');
  });
});

describe('isPlainChromium', () => {
  it('is true only for Chromium without a product brand', () => {
    expect(isPlainChromium(['Chromium', 'Not=A?Brand'])).toBe(true);
    expect(isPlainChromium(['Not)A;Brand', 'Chromium'])).toBe(true);
    expect(isPlainChromium(['Chromium', 'Google Chrome', 'Not=A?Brand'])).toBe(false);
    expect(isPlainChromium(['Microsoft Edge', 'Chromium', 'Not=A?Brand'])).toBe(false);
    expect(isPlainChromium([])).toBe(false);
  });
});
