// The models page in Chromium when its registry fails: the visitor reads a sentence, never "Error: …" or "[object Object]".
import { ContextProvider } from '@lit/context';
import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { modelRegistryContext } from '../../../src/models/model-registry-context.js';
import type { ModelRegistry } from '../../../src/models/model-registry.js';
import '../../../src/models/quorum-models-view.js';
import { deepQuery, shadowText } from '../../support/shadow-text.js';

/** Provides a registry to the view as the app shell does. */
class FailingRegistryHost extends LitElement {
  provider = new ContextProvider(this, { context: modelRegistryContext });
  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('test-failing-registry-host', FailingRegistryHost);

/** A registry whose every read rejects with `thrown`. */
function failingRegistry(thrown: unknown): ModelRegistry {
  const fail = () => Promise.reject(thrown);
  return Object.assign(new EventTarget(), {
    simulated: false,
    downloads: new EventTarget(),
    capabilities: fail,
    budget: fail,
    models: fail,
    stored: fail,
    spaceUsed: fail,
    unlistedFiles: fail,
  }) as unknown as ModelRegistry;
}

async function shownFor(thrown: unknown): Promise<string> {
  const host = document.createElement('test-failing-registry-host') as FailingRegistryHost;
  host.provider.setValue(failingRegistry(thrown));
  host.append(document.createElement('quorum-models-view'));
  document.body.append(host);
  for (let i = 0; i < 100; i++) {
    const state = deepQuery(host, 'quorum-error-state');
    if (state && shadowText(state).length > 0) return shadowText(state);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('No error was shown');
}

afterEach(() => document.body.replaceChildren());

describe('<quorum-models-view> when the models cannot be listed', () => {
  it('shows a plain error’s sentence without "Error:" in front', async () => {
    const shown = await shownFor(new Error('The model list is not readable.'));
    expect(shown).toContain('The model list is not readable.');
    expect(shown).not.toContain('Error:');
  });

  it('shows a way forward, not "[object Object]", for a thrown object', async () => {
    const shown = await shownFor({ code: 7 });
    expect(shown).not.toContain('[object Object]');
    expect(shown).toContain('Reload the page to try again.');
  });
});
