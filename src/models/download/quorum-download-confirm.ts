// Asks before a large or non-fitting real download starts: its size, whether it fits, Download or Cancel.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { formatBytes } from '../../ui/format-bytes.js';
import type { Fit } from '../model-filter.js';
import type { DownloadSize } from '../list/download-size.js';

/** The size as a person reads it: "about 4.4 GB" for an estimate. */
export function sizeText(size: DownloadSize): string {
  const bytes = formatBytes(size.mb * 2 ** 20);
  return size.estimated ? `about ${bytes}` : bytes;
}

/**
 * A modal dialog (the browser's own `<dialog>`: Escape cancels, focus stays inside, and it starts on
 * Cancel, the safe choice). `ask()` resolves true when the visitor chose to download.
 */
@customElement('quorum-download-confirm')
export class QuorumDownloadConfirm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        max-width: min(32rem, calc(100vw - 2rem));
        border: 1px solid var(--q-border);
        border-radius: 12px;
        background: var(--q-surface);
        color: var(--q-text);
        padding: 1.25rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.75rem;
      }
      p {
        margin: 0 0 0.75rem;
      }
      .no {
        color: var(--q-danger);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  @property() label = '';
  @property({ attribute: false }) size: DownloadSize = { mb: 0, estimated: false, basis: '' };
  @property({ attribute: false }) fit: Fit = { fits: false, why: '' };

  @query('dialog') private dialog!: HTMLDialogElement;
  private settle: ((download: boolean) => void) | null = null;

  /** Opens the dialog; resolves true for Download, false for Cancel, Escape or a second ask. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.settle?.(false);
    this.dialog.showModal();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private close(download: boolean): void {
    this.dialog.close();
    this.settle?.(download);
    this.settle = null;
  }

  override render() {
    const size = sizeText(this.size);
    return html`<dialog
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-size confirm-fit"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close(false);
      }}
    >
      <h2 id="confirm-heading">Download ${this.label}?</h2>
      <p id="confirm-size">
        It is ${size} to download (${this.size.basis}), stored in this browser until you delete it.
      </p>
      <p id="confirm-fit" class=${this.fit.fits ? '' : 'no'}>
        ${
          this.fit.fits
            ? `It fits this device. ${this.fit.why}`
            : `It does not fit this device: ${this.fit.why} It would download but not run here.`
        }
      </p>
      <div class="actions">
        <button class="secondary" autofocus @click=${() => this.close(false)}>Cancel</button>
        <button @click=${() => this.close(true)}>Download ${size}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-download-confirm': QuorumDownloadConfirm;
  }
}
