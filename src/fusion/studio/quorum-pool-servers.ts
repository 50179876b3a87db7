// The pool picker's servers: add one from the studio, the reload a new host needs, and servers that offer no model yet.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { ChangeRevisionController } from '../../ui/change-revision-controller.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { listOf } from '../../ui/format.js';
import type { EndpointStore } from '../../models/remote/endpoint-store.js';
import { noModelsNote, type EndpointRecord } from '../../models/remote/endpoint-record.js';
import { needsReload } from '../../models/remote/policy-sync.js';
import '../../models/remote/quorum-endpoint-form.js';

/** Where a server's models are loaded or typed after it was saved without any. */
const SERVERS_SETTINGS = '/settings#endpoints';

/**
 * `<quorum-pool-servers>`: the pool picker's add-a-server form, the reload a new host needs, the
 * note after a server was saved without models, and the names of servers that offer none. Property:
 * `store` (the EndpointStore it saves to and watches).
 */
@customElement('quorum-pool-servers')
export class QuorumPoolServers extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: 0.75rem;
      }
      summary {
        cursor: pointer;
        color: var(--q-link);
        min-height: 2.25rem;
        padding-top: 0.35rem;
      }
      p {
        margin: 0.35rem 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Where a server added here is saved, and whose servers are watched for ones without models. */
  @property({ attribute: false }) store: EndpointStore | undefined;
  /** Set when a server was added whose host this page's policy does not allow until a reload. */
  @state() private reloadFor: string | null = null;
  /** Said once a server was saved here with no models. */
  @state() private savedNote = '';
  private readonly revision = new ChangeRevisionController(this, () => this.store);
  /** The names of the visitor's servers that list no model, so offer none to the pool. */
  private readonly empty = new Task(this, {
    task: async ([store]) =>
      store ? (await store.list()).filter((r) => r.models.length === 0).map((r) => r.name) : [],
    args: () => [this.store, this.revision.value] as const,
  });

  override render() {
    const empty = this.empty.value ?? [];
    return html`<details>
        <summary>Add a server (Ollama, LM Studio, llama.cpp, vLLM…)</summary>
        <quorum-endpoint-form
          .store=${this.store}
          @endpoint-saved=${(e: CustomEvent<EndpointRecord>) => void this.saved(e)}
          @cancel=${(e: Event) => ((e.currentTarget as HTMLElement).closest('details')!.open = false)}
        ></quorum-endpoint-form>
      </details>
      <div role="status">
        ${this.savedNote ? html`<p>${this.savedNote}</p>` : nothing}
        ${
          this.reloadFor
            ? html`<p>
                Reload Quorum to connect to ${this.reloadFor}.
                <button type="button" class="secondary" @click=${() => location.reload()}>
                  Reload now
                </button>
              </p>`
            : nothing
        }
      </div>
      ${
        empty.length > 0
          ? html`<p class="muted" data-testid="servers-without-models">
              No models yet on ${listOf(empty.map((name) => `“${name}”`))}, so
              ${empty.length === 1 ? 'it offers' : 'they offer'} none to the pool.
              <a href=${SERVERS_SETTINGS}
                >Load or type ${empty.length === 1 ? 'its' : 'their'} models in Settings</a
              >
            </p>`
          : nothing
      }`;
  }

  private async saved(event: CustomEvent<EndpointRecord>): Promise<void> {
    (event.currentTarget as HTMLElement).closest('details')!.open = false;
    const record = event.detail;
    this.savedNote = record.models.length === 0 ? noModelsNote(record.name, 'studio') : '';
    if (await needsReload(record.baseUrl)) this.reloadFor = new URL(record.baseUrl).origin;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-pool-servers': QuorumPoolServers;
  }
}
