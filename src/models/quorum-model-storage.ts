// Storage for models: the space downloaded models take, the browser's estimate, and whether storage persists.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  readPersistence,
  readStorageUse,
  requestPersistence,
  type PersistenceState,
  type StorageUse,
} from '../db/storage-persistence.js';
import { formatBytes } from '../ui/format-bytes.js';
import type { UnlistedFile } from './download/download-cache.js';
import { panelStyles, sharedStyles } from '../ui/shared-styles.js';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted: 'Persistent: the browser keeps downloaded models when the disk fills up.',
  'best-effort': 'Best effort: the browser may delete downloaded models if the disk fills up.',
  unsupported: 'This browser cannot keep storage persistent.',
};

/**
 * `<quorum-model-storage>`: Storage for models: the space downloaded models take, the browser's estimate, and
 * whether storage persists. Properties: `modelBytes`, `unlisted`, `simulated`, `revision`. Fires
 * `delete-unlisted`.
 */
@customElement('quorum-model-storage')
export class QuorumModelStorage extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0.25rem 0;
      }
    `,
  ];

  /** Bytes of downloaded model weights; null while counting. */
  @property({ attribute: false }) modelBytes: number | null = null;
  /** Files in web-llm's caches no listed model reads (older libraries, unlisted models). */
  @property({ attribute: false }) unlisted: readonly UnlistedFile[] = [];
  @property({ type: Boolean }) simulated = false;
  /** Bumped by the view after downloads and deletes, so the estimate is read again. */
  @property({ type: Number }) revision = 0;

  @state() private use: StorageUse | null = null;
  @state() private persistence: PersistenceState | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('revision')) void this.refresh();
  }

  private async refresh(): Promise<void> {
    [this.use, this.persistence] = await Promise.all([readStorageUse(), readPersistence()]);
  }

  private async ask(): Promise<void> {
    this.persistence = await requestPersistence('visitor');
  }

  private renderUnlisted() {
    const files = this.unlisted;
    if (files.length === 0) return null;
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    const libraries = files.filter((file) => file.cache === 'webllm/wasm').length;
    return html`<p data-testid="unlisted-files">
      Files no listed model uses: ${files.length} (${formatBytes(bytes)}), of which ${libraries}
      model ${libraries === 1 ? 'library' : 'libraries'} — left by an older web-llm or by models no
      longer listed.
      <button
        class="secondary"
        @click=${() =>
          this.dispatchEvent(new CustomEvent('delete-unlisted', { bubbles: true, composed: true }))}
      >
        Delete unused files
      </button>
    </p>`;
  }

  override render() {
    return html`<section class="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p data-testid="model-space">
        Models:
        ${
          this.simulated
            ? 'simulated models store nothing but their names.'
            : this.modelBytes === null
              ? 'counting…'
              : formatBytes(this.modelBytes)
        }
      </p>
      <p>
        Quorum in total:
        ${
          this.use
            ? `${formatBytes(this.use.usage)} of ${formatBytes(this.use.quota)} available to this site`
            : 'the browser does not say'
        }
      </p>
      ${this.renderUnlisted()}
      <p>${this.persistence ? PERSISTENCE_TEXT[this.persistence] : 'Checking persistence…'}</p>
      ${
        this.persistence === 'best-effort'
          ? html`<button class="secondary" @click=${this.ask}>Ask to keep models</button>`
          : null
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-model-storage': QuorumModelStorage;
  }
}
