// Settings' endpoints section: the visitor's OpenAI-compatible servers, with add, edit, test, remove, export and import.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { ChangeRevisionController } from '../../ui/change-revision-controller.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { downloadText } from '../../ui/save-text-file.js';
import '../quorum-model-error.js';
import { seconds } from '../../ui/format.js';
import { newEndpointId, noModelsNote, type EndpointRecord } from './endpoint-record.js';
import { countOf } from '../../shared/count.js';
import { testEndpoint, type TestOutcome } from './endpoint-check.js';
import { parseEndpointsFile, toEndpointsFile, mergeImportedEndpoints } from './endpoint-export.js';
import type { EndpointStore } from './endpoint-store.js';
import { needsReload } from './policy-sync.js';
import './quorum-endpoint-form.js';

/**
 * `<quorum-endpoint-settings>`: Settings' endpoints section: the visitor's OpenAI-compatible servers, with
 * add, edit, test, remove, export and import. Properties: `store`.
 */
@customElement('quorum-endpoint-settings')
export class QuorumEndpointSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul.endpoints {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li.endpoint {
        border: 1px solid var(--q-border);
        border-radius: 8px;
        padding: 0.6rem 0.75rem;
        overflow-wrap: anywhere;
      }
      h3 {
        font-size: 1.05rem;
        margin: 0;
      }
      p {
        margin: 0.35rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .reload {
        padding: 0.6rem 0.75rem;
        border-left: 4px solid var(--q-accent);
        background: var(--q-warning-bg);
        margin-bottom: 1rem;
      }
      .ok {
        color: var(--q-success, inherit);
      }
      label.keys {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: 400;
      }
      label.keys input {
        min-height: auto;
        width: 1.15rem;
        height: 1.15rem;
        margin-top: 0.2rem;
        flex: none;
      }
      details {
        margin-top: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) store: EndpointStore | undefined;

  @state() private editing: EndpointRecord | null | 'new' = null;
  @state() private tests = new Map<string, TestOutcome | 'testing'>();
  @state() private includeKeys = false;
  @state() private importNote = '';
  /** Said once a server was saved with no models (it then joins no pool). */
  @state() private savedNote = '';
  private readonly revision = new ChangeRevisionController(this, () => this.store);
  /** The saved servers, and the origins this page's policy allows only after a reload. */
  private readonly listed = new Task(this, {
    task: async ([store]) => {
      const endpoints = store ? await store.list() : [];
      const waiting = await Promise.all(endpoints.map((e) => needsReload(e.baseUrl)));
      const reloadFor = [
        ...new Set(endpoints.filter((_, i) => waiting[i]).map((e) => new URL(e.baseUrl).origin)),
      ];
      return { endpoints, reloadFor };
    },
    args: () => [this.store, this.revision.value] as const,
  });

  private get endpoints(): EndpointRecord[] {
    return this.listed.value?.endpoints ?? [];
  }

  private get reloadFor(): string[] {
    return this.listed.value?.reloadFor ?? [];
  }

  override render() {
    return html`${
        this.reloadFor.length > 0
          ? html`<div class="reload" role="status">
              <p>
                Reload Quorum to connect to ${this.reloadFor.join(', ')}: its security policy lets a
                page reach only the servers it knew when it loaded.
              </p>
              <button @click=${() => location.reload()}>Reload now</button>
            </div>`
          : nothing
      }
      ${
        this.endpoints.length === 0
          ? html`<p class="muted">
              No servers yet. Add Ollama, LM Studio, llama.cpp’s server, vLLM or any
              OpenAI-compatible API.
            </p>`
          : html`<ul class="endpoints" aria-label="Your servers">
              ${this.endpoints.map((endpoint) => this.renderEndpoint(endpoint))}
            </ul>`
      }
      ${
        this.editing === null
          ? html`<button @click=${() => (this.editing = 'new')}>Add a server</button>`
          : html`<quorum-endpoint-form
              .store=${this.store}
              .editing=${this.editing === 'new' ? null : this.editing}
              @endpoint-saved=${this.saved}
              @cancel=${() => (this.editing = null)}
            ></quorum-endpoint-form>`
      }
      <p role="status" data-testid="endpoint-saved-note">${this.savedNote}</p>
      ${this.renderFiles()}`;
  }

  private readonly saved = (event: CustomEvent<EndpointRecord>): void => {
    this.editing = null;
    const record = event.detail;
    this.savedNote = record.models.length === 0 ? noModelsNote(record.name, 'settings') : '';
  };

  private renderEndpoint(endpoint: EndpointRecord) {
    const test = this.tests.get(endpoint.id);
    const models = endpoint.models;
    return html`<li class="endpoint">
      <h3>${endpoint.name}</h3>
      <p class="muted">
        ${endpoint.baseUrl} ·
        ${countOf(models.length, 'model')}${endpoint.apiKey ? ' · key saved' : ''}
      </p>
      ${models.length > 0 ? html`<p>${models.join(', ')}</p>` : html`<p>No models yet: edit it to load or type them.</p>`}
      <div class="actions">
        <button
          class="secondary"
          ?disabled=${test === 'testing' || models.length === 0}
          @click=${() => this.test(endpoint)}
        >
          Test<span class="visually-hidden"> ${endpoint.name}</span>
        </button>
        <button class="secondary" @click=${() => (this.editing = endpoint)}>
          Edit<span class="visually-hidden"> ${endpoint.name}</span>
        </button>
        <button class="secondary" @click=${() => void this.store?.remove(endpoint.id)}>
          Remove<span class="visually-hidden"> ${endpoint.name}</span>
        </button>
      </div>
      <div role="status">${this.renderTest(test)}</div>
    </li>`;
  }

  private renderTest(test: TestOutcome | 'testing' | undefined) {
    if (!test) return nothing;
    if (test === 'testing') return html`<p>Testing…</p>`;
    if (test.ok)
      return html`<p class="ok" data-testid="endpoint-test-ok">
        Connected: ${test.model} answered “${test.text}” in ${seconds(test.totalMs)} (first token
        after ${seconds(test.firstTokenMs)}).
      </p>`;
    return html`<quorum-model-error
      .error=${test.error}
      fallbackHeading="The test failed"
    ></quorum-model-error>`;
  }

  private async test(endpoint: EndpointRecord): Promise<void> {
    const model = endpoint.models[0];
    if (!model) return;
    this.tests = new Map(this.tests).set(endpoint.id, 'testing');
    const outcome = await testEndpoint(endpoint, model);
    this.tests = new Map(this.tests).set(endpoint.id, outcome);
  }

  private renderFiles() {
    return html`<details>
      <summary>Export or import servers</summary>
      <label class="keys">
        <input
          type="checkbox"
          .checked=${this.includeKeys}
          @change=${(e: Event) => (this.includeKeys = (e.target as HTMLInputElement).checked)}
        />
        <span
          >Include API keys in the file. Anyone who gets the file can use these servers, and any
          account behind a key, as you.</span
        >
      </label>
      <div class="actions">
        <button
          class="secondary"
          ?disabled=${this.endpoints.length === 0}
          @click=${this.exportFile}
        >
          Export servers
        </button>
        <label class="button secondary" for="import-endpoints">Import servers</label>
        <input
          id="import-endpoints"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          @change=${this.importFile}
        />
      </div>
      <p role="status">${this.importNote}</p>
    </details>`;
  }

  private readonly exportFile = (): void => {
    const file = toEndpointsFile(this.endpoints, this.includeKeys, Date.now());
    downloadText('quorum-endpoints.json', JSON.stringify(file, null, 2), 'application/json');
  };

  private readonly importFile = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.store) return;
    const read =
      file.size > 1024 * 1024
        ? ({
            ok: false,
            problem: 'The file is larger than 1 MB: it is not a Quorum servers export.',
          } as const)
        : parseEndpointsFile(await file.text(), Date.now(), () => newEndpointId());
    if (!read.ok) {
      this.importNote = `Nothing was imported: ${read.problem}`;
      return;
    }
    // The same file imported twice (or a colleague's list with servers already here) adds nothing.
    const merged = mergeImportedEndpoints(await this.store.list(), read.records);
    await this.store.saveAll(merged.records);
    const servers = (n: number) => countOf(n, 'server');
    this.importNote =
      merged.updated === 0
        ? `Imported ${servers(merged.added)}.`
        : `Imported ${servers(merged.added)}; ${servers(merged.updated)} already here ${merged.updated === 1 ? 'was' : 'were'} updated.`;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-endpoint-settings': QuorumEndpointSettings;
  }
}
