// Settings: whether the browser keeps Quorum's data, how much space it uses, and how the theme is chosen.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatBytes } from '../ui/format-bytes.js';
import { panelStyles, sharedStyles } from '../ui/shared-styles.js';
import {
  readPersistence,
  readStorageUse,
  requestPersistence,
  type PersistenceState,
  type StorageUse,
} from '../db/storage-persistence.js';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted:
    'Persistent: the browser will not delete your catalog or downloaded models to free space.',
  'best-effort':
    'Best effort: the browser may delete Quorum’s data if the disk fills up. Installing Quorum makes a yes more likely.',
  unsupported: 'This browser cannot keep storage persistent.',
};

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

  @state() private persistence: PersistenceState | null = null;
  @state() private use: StorageUse | null = null;
  @state() private asking = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const [persistence, use] = await Promise.all([readPersistence(), readStorageUse()]);
    this.persistence = persistence;
    this.use = use;
  }

  private async ask(): Promise<void> {
    this.asking = true;
    this.persistence = await requestPersistence();
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
        ${this.renderUse()}
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
