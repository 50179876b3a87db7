// A model's download (or simulated load) progress: an ARIA progress bar, bytes, time left, and Cancel.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatBytes } from '../../ui/format-bytes.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { ModelDownloadProgress } from './downloads-in-flight.js';

/**
 * Time left in words, rounded to seconds, minutes or hours ("about 3 min left"); "time left unknown" for null
 * or a non-finite number of ms.
 */
export function formatEta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'time left unknown';
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} min left` : `about ${Math.round(minutes / 60)} h left`;
}

/**
 * `<quorum-download-progress>`: A model's download (or simulated load) progress: an ARIA progress bar, bytes,
 * time left, and Cancel. Properties: `label`, `progress`, `cancellable`. Fires `download-cancel`.
 */
@customElement('quorum-download-progress')
export class QuorumDownloadProgress extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .track {
        height: 0.6rem;
        border-radius: 999px;
        background: var(--q-surface-2);
        border: 1px solid var(--q-border);
        overflow: hidden;
      }
      .fill {
        height: 100%;
        background: var(--q-accent);
        transition: width 0.2s linear;
      }
      .name {
        margin: 0 0 0.25rem;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-top: 0.4rem;
        font-size: 0.9rem;
      }
    `,
  ];

  /** Names the bar for screen readers, e.g. "Downloading Qwen2.5-0.5B". */
  @property() label = '';
  @property({ attribute: false }) progress: ModelDownloadProgress | null = null;
  /**
   * Shows `label` above the bar as well (where nothing else beside it names the model, as in the
   * studio's list of downloads); the bar is then named by that text.
   */
  @property({ type: Boolean }) named = false;
  /** Without a cancel handler there is no Cancel button (a chat's model load). */
  @property({ type: Boolean }) cancellable = false;

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('download-cancel', { bubbles: true, composed: true }));
  }

  override render() {
    const p = this.progress;
    const percent = Math.round((p?.fraction ?? 0) * 100);
    const bytes =
      p && p.totalBytes > 0
        ? `${formatBytes(p.loadedBytes)} of ${formatBytes(p.totalBytes)}`
        : 'Starting…';
    return html`${this.named ? html`<p class="name" id="name">${this.label}</p>` : null}
      <div
        class="track"
        role="progressbar"
        aria-label=${this.named ? nothing : this.label}
        aria-labelledby=${this.named ? 'name' : nothing}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${`${percent}%, ${bytes}`}
      >
        <div class="fill" style="width: ${percent}%"></div>
      </div>
      <div class="row">
        <span
          >${p?.text ? `${p.text} · ` : ''}${percent}% · ${bytes} ·
          <span class="muted">${formatEta(p?.etaMs ?? null)}</span></span
        >
        ${
          this.cancellable
            ? html`<button
                class="secondary"
                aria-label=${`Cancel: ${this.label}`}
                @click=${this.cancel}
              >
                Cancel
              </button>`
            : null
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-download-progress': QuorumDownloadProgress;
  }
}
