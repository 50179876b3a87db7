// The studio's pool picker in Chromium: servers without models are named, not left out in silence.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/studio/quorum-pool-picker.js';
import type { QuorumPoolPicker } from '../../../../src/fusion/studio/quorum-pool-picker.js';
import type { AvailableModel } from '../../../../src/models/model-registry.js';
import type { EndpointRecord } from '../../../../src/models/remote/endpoint-record.js';
import type { EndpointStore } from '../../../../src/models/remote/endpoint-store.js';
import { shadowText } from '../../../support/shadow-text.js';

function server(name: string, models: string[]): EndpointRecord {
  return {
    id: name,
    name,
    baseUrl: 'http://127.0.0.1:9/v1',
    apiKey: null,
    models,
    modelsFrom: 'typed',
    createdAt: 0,
    updatedAt: 0,
  };
}

function store(records: EndpointRecord[]): EndpointStore {
  return Object.assign(new EventTarget(), {
    list: () => Promise.resolve(records),
  }) as unknown as EndpointStore;
}

async function mount(set: (picker: QuorumPoolPicker) => void): Promise<QuorumPoolPicker> {
  const picker = document.createElement('quorum-pool-picker');
  set(picker);
  document.body.append(picker);
  await picker.updateComplete;
  for (let i = 0; i < 4; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return picker;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<quorum-pool-picker>', () => {
  it('names the servers that offer no model yet, with where to add their models', async () => {
    const picker = await mount((p) => {
      p.models = [];
      p.endpoints = store([server('Home box', []), server('Lab', ['llama3.2:3b'])]);
    });
    const text = shadowText(picker);
    expect(text).toContain('No models yet on “Home box”');
    expect(text).not.toContain('“Lab”');
    expect(text).toContain('Load or type its models in Settings');
  });

  it('offers recorded models as judge only disabled, saying why', async () => {
    const models = [
      { id: 'sim-a', label: 'Sim A', engine: 'sim' },
      { id: 'gsm8k-gpt', label: 'GPT-3.5 (recorded)', engine: 'recorded' },
    ].map((m) => ({ ...m, paramsB: 1, vramMB: 0, downloaded: true, simulated: false }));
    const picker = await mount((p) => {
      p.models = models as unknown as AvailableModel[];
      p.poolIds = ['sim-a', 'gsm8k-gpt'];
      p.judgeRole = 'Judge';
    });
    const options = [...picker.shadowRoot!.querySelectorAll<HTMLOptionElement>('#judge option')];
    const recorded = options.find((o) => o.value === 'gsm8k-gpt');
    expect(recorded?.disabled).toBe(true);
    expect(recorded?.textContent).toContain('recorded answers cannot judge');
    expect(options.find((o) => o.value === 'sim-a')?.disabled).toBe(false);
  });

  it('says the MB figure is GPU memory, and gives recorded models none (newcomer: "~0 MB")', async () => {
    const models = [
      { id: 'sim-swift', label: 'Simulated Swift 0.5B', engine: 'sim', paramsB: 0.5, vramMB: 950 },
      { id: 'gsm8k-6b', label: 'GPT-3 6B (recorded)', engine: 'recorded', paramsB: 6, vramMB: 0 },
    ].map((m) => ({ ...m, downloaded: m.engine === 'recorded', simulated: m.engine === 'sim' }));
    const picker = await mount((p) => {
      p.models = models as unknown as AvailableModel[];
    });
    const text = shadowText(picker);
    expect(text).toContain('0.5B · ~950 MB GPU memory · not downloaded yet');
    expect(text).toContain('6B · replays recorded answers');
    expect(text).not.toMatch(/~0 MB/);
  });
});
