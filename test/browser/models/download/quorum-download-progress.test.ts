// <quorum-download-progress> in Chromium: where asked, the model it downloads is named in view, and the bar keeps that name.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/models/download/quorum-download-progress.js';

/** The bar's name as ARIA computes it here: the text its aria-labelledby points at, else its aria-label. */
function computeAccessibleName(element: Element): string {
  const root = element.getRootNode() as ShadowRoot;
  const ids = element.getAttribute('aria-labelledby');
  if (ids)
    return ids
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  return element.getAttribute('aria-label') ?? '';
}

afterEach(() => document.body.replaceChildren());

async function mount(named: boolean) {
  const element = document.createElement('quorum-download-progress');
  element.label = 'Downloading Qwen3 0.6B';
  element.named = named;
  element.progress = { fraction: 0.25, loadedBytes: 25, totalBytes: 100, text: '', etaMs: null };
  document.body.append(element);
  await element.updateComplete;
  return element;
}

describe('<quorum-download-progress>', () => {
  it('shows the model’s name beside the bar when named, and the bar is named by it', async () => {
    const element = await mount(true);
    const shown = element.shadowRoot!.querySelector('.name');
    expect(shown?.textContent).toBe('Downloading Qwen3 0.6B');
    expect(shown?.getBoundingClientRect().height).toBeGreaterThan(0);
    const bar = element.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(computeAccessibleName(bar)).toBe('Downloading Qwen3 0.6B');
  });

  it('names the bar for screen readers alone where its surroundings name the model', async () => {
    const element = await mount(false);
    expect(element.shadowRoot!.querySelector('.name')).toBeNull();
    const bar = element.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(computeAccessibleName(bar)).toBe('Downloading Qwen3 0.6B');
  });
});
