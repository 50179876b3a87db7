// The model manager, fed by a real download of the fixture (download worker → web-llm's caches), shows progress rising to 100% and then "Downloaded".
import { ContextProvider } from '@lit/context';
import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/db/open-database.js';
import { toModelInfo, type WebLlmModelRecord } from '../../../../src/models/list/model-list.js';
import { humanModelName } from '../../../../src/models/list/model-names.js';
import { modelRegistryContext } from '../../../../src/models/model-registry-context.js';
import { ModelRegistry } from '../../../../src/models/model-registry.js';
import '../../../../src/models/quorum-models-view.js';
import type { QuorumModelsView } from '../../../../src/models/quorum-models-view.js';
import { fixtureRecord, forget } from './download-fixture.js';
import { deepQuery, shadowText } from '../../../support/shadow-text.js';

/** Provides a registry to the view as the app shell does. */
class RegistryHost extends LitElement {
  provider = new ContextProvider(this, { context: modelRegistryContext });
  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('test-registry-host', RegistryHost);

async function until<T>(read: () => T | null | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

afterEach(() => document.body.replaceChildren());

describe('downloading the fixture from the model manager', () => {
  it('shows the progress bar rising to 100%, then the model as downloaded', async () => {
    // Slow bodies, so the download spans many progress events.
    const record = fixtureRecord('ui', 'slow') as WebLlmModelRecord;
    await forget(record);
    const db = await openDatabase({ name: `quorum-progress-${crypto.randomUUID()}` });
    const registry = new ModelRegistry(db, {
      engineMode: 'webllm',
      modelList: [toModelInfo(record)],
    });
    const host = document.createElement('test-registry-host') as RegistryHost;
    host.provider.setValue(registry);
    const view = document.createElement('quorum-models-view') as QuorumModelsView;
    host.append(view);
    document.body.append(host);

    // The card names its button by the model's label, the name a person reads (issue 10 item 18).
    const label = humanModelName(record.model_id);
    const button = await until(
      () => deepQuery<HTMLButtonElement>(view, `button[aria-label="Download ${label}"]`),
      'the download button',
    );
    expect(shadowText(view)).toContain('Not downloaded');
    button.click();
    // A model this adapter cannot hold asks first (issue 10 item 18): the visitor says Download.
    await new Promise((done) => setTimeout(done, 50));
    const dialog = deepQuery<HTMLDialogElement>(view, 'dialog[open]');
    if (dialog) [...dialog.querySelectorAll('button')].at(-1)!.click();

    const bar = await until(() => deepQuery<HTMLElement>(view, '[role="progressbar"]'), 'the bar');
    // Every value the bar takes, as the visitor's screen reader would be told.
    const values: number[] = [Number(bar.getAttribute('aria-valuenow'))];
    const observer = new MutationObserver((records) => {
      for (const r of records)
        values.push(Number((r.target as Element).getAttribute('aria-valuenow')));
    });
    observer.observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });

    await until(
      () => /\bDownloaded\b/.test(shadowText(view)) && !shadowText(view).includes('Not downloaded'),
      'the downloaded state',
    );
    observer.disconnect();

    expect(values.length).toBeGreaterThan(3);
    expect(values.some((v) => v > 0 && v < 100)).toBe(true);
    expect(values.at(-1)).toBe(100);
    for (let i = 1; i < values.length; i++)
      expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    // The bar is gone once the download is done; the card offers the chat instead.
    expect(deepQuery(view, '[role="progressbar"]')).toBeNull();
    expect(deepQuery(view, `a[aria-label="Chat with ${label}"]`)).not.toBeNull();
    expect(shadowText(view)).toContain('1 downloaded');
    db.close();
  });
});
