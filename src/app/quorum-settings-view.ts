// Settings: whether the browser keeps Quorum's data, how much space it uses, and how the theme is chosen.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import type { ModelRegistry } from '../models/model-registry.js';
import '../models/remote/quorum-endpoint-settings.js';
import { formatBytes } from '../ui/format-bytes.js';
import { panelStyles, sharedStyles } from '../ui/shared-styles.js';
import {
  readPersistence,
  readPersistenceAsked,
  readStorageUse,
  requestPersistence,
  type PersistReason,
  type PersistenceState,
  type StorageUse,
} from '../db/storage-persistence.js';
import { keptExportInfo, type KeptExportInfo } from '../catalog/import/kept-export.js';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted:
    'Persistent: the browser will not delete your catalog or downloaded models to free space.',
  'best-effort':
    'Best effort: the browser may delete Quorum’s data if the disk fills up. Installing Quorum makes a yes more likely.',
  unsupported: 'This browser cannot keep storage persistent.',
};

const REASON_TEXT: Record<PersistReason, string> = {
  // The first visit's starting catalog, or a visitor's first import: either way, its first save.
  import: 'when it first saved its catalog of models on this device',
  download: 'before the first download',
  install: 'when Quorum was installed',
  'data-lost': 'after the browser had deleted Quorum’s data',
  visitor: 'when you asked',
};

/**
 * `<quorum-settings-view>`: Settings: whether the browser keeps Quorum's data, how much space it uses, and
 * how the theme is chosen. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-settings-view')
export class QuorumSettingsView extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: 1rem;
      }
      meter {
        width: 100%;
        height: 0.8rem;
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @state() private persistence: PersistenceState | null = null;
  @state() private use: StorageUse | null = null;
  @state() private asking = false;
  @state() private kept: KeptExportInfo | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const [persistence, use, kept] = await Promise.all([
      readPersistence(),
      readStorageUse(),
      keptExportInfo(),
    ]);
    this.persistence = persistence;
    this.use = use;
    this.kept = kept;
  }

  private async ask(): Promise<void> {
    this.asking = true;
    this.persistence = await requestPersistence('visitor');
    this.asking = false;
  }

  override render() {
    return html`<h1 tabindex="-1">Settings</h1>
      <section class="card" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        <p data-testid="persistence">
          ${this.persistence ? PERSISTENCE_TEXT[this.persistence] : 'Checking…'}
        </p>
        ${
          this.persistence === 'best-effort'
            ? html`<button @click=${this.ask} ?disabled=${this.asking}>
                Ask the browser to keep Quorum’s data
              </button>`
            : null
        }
        ${this.renderAsked()} ${this.renderUse()}
        <p data-testid="kept-export">
          ${
            this.kept
              ? `Your last export (${this.kept.fileName}, ${this.kept.comparisons} comparisons, ${new Date(this.kept.savedAt).toLocaleString()}) is kept apart from the catalog, and offered back if the browser deletes Quorum’s data.`
              : 'No export is kept in this browser yet: Export catalog keeps a copy of the last one, offered back if the browser deletes Quorum’s data.'
          }
        </p>
      </section>
      <section class="card" aria-labelledby="endpoints-heading" id="endpoints">
        <h2 id="endpoints-heading">Model servers</h2>
        <p>
          Models on your own servers (Ollama, LM Studio, llama.cpp, vLLM, or any OpenAI-compatible
          API) can join pools, judge and battle beside the models on this device. Quorum talks to
          them straight from this page; nothing goes through anyone else.
        </p>
        ${
          this.registry
            ? html`<quorum-endpoint-settings
                .store=${this.registry.remote.endpoints}
              ></quorum-endpoint-settings>`
            : html`<p class="muted">Starting…</p>`
        }
      </section>
      <section class="card" aria-labelledby="offline-heading">
        <h2 id="offline-heading">Offline</h2>
        <p data-testid="offline">
          ${
            navigator.serviceWorker?.controller
              ? 'Ready: Quorum and your catalog open without a network connection.'
              : 'Not yet: open Quorum once more while online and it will work offline from then on.'
          }
        </p>
      </section>
      <section class="card" aria-labelledby="theme-heading">
        <h2 id="theme-heading">Theme</h2>
        <p>
          Quorum follows your system’s light or dark setting. Change it in your operating system or
          browser settings.
        </p>
      </section>`;
  }

  /** Whether the browser granted Quorum's last request, and when it was asked. */
  private renderAsked() {
    const asked = readPersistenceAsked();
    if (!asked) return null;
    const answer = asked.state === 'persisted' ? 'granted it' : 'did not grant it';
    return html`<p data-testid="persistence-asked">
      Quorum asked the browser to keep its data ${REASON_TEXT[asked.reason]}
      (${new Date(asked.at).toLocaleString()}); the browser ${answer}.
    </p>`;
  }

  private renderUse() {
    if (!this.use) return null;
    const { usage, quota } = this.use;
    return html`<p>
        <span id="usage-label"
          >Using ${formatBytes(usage)} of the ${formatBytes(quota)} this browser allows.</span
        >
      </p>
      <meter aria-labelledby="usage-label" min="0" max=${quota || 1} value=${usage}></meter>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-settings-view': QuorumSettingsView;
  }
}
