// A polite live region that shows short messages for a few seconds, newest last.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.js';
import type { ToastDetail } from './toast-event.js';

interface Toast extends ToastDetail {
  id: number;
}

const VISIBLE_MS = 7000;

/** `<quorum-toast-region>`: A polite live region that shows short messages for a few seconds, newest last. */
@customElement('quorum-toast-region')
export class QuorumToastRegion extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset: auto 0 1rem 0;
        display: flex;
        justify-content: center;
        pointer-events: none;
        z-index: 20;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0 1rem;
        display: grid;
        gap: 0.5rem;
        width: min(32rem, 100%);
      }
      li {
        pointer-events: auto;
        display: flex;
        gap: 0.75rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.6rem 0.6rem 0.6rem 1rem;
        border-left: 4px solid var(--q-accent);
      }
      li.error {
        border-left-color: var(--q-danger);
      }
      li.success {
        border-left-color: var(--q-success);
      }
      button {
        min-height: 2rem;
        padding: 0.2rem 0.6rem;
      }
      .more {
        display: none;
      }
      /* A phone shows the newest message only, saying how many wait behind it, so toasts never pile up
         over the page; dismissing it shows the one before. */
      @media (max-width: 600px) {
        :host {
          bottom: 0.5rem;
        }
        li:not(:last-child) {
          display: none;
        }
        .more {
          display: inline;
        }
      }
    `,
  ];

  @state() private toasts: Toast[] = [];
  private nextId = 1;

  show(detail: ToastDetail): void {
    const id = this.nextId++;
    this.toasts = [...this.toasts, { ...detail, id }];
    // Errors stay until dismissed: a visitor may need time to read what went wrong.
    if (detail.kind !== 'error') setTimeout(() => this.dismiss(id), VISIBLE_MS);
  }

  private dismiss(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
  }

  override render() {
    return html`<div role="status" aria-live="polite">
      <ol>
        ${this.toasts.map(
          (toast, i) =>
            html`<li class="card ${toast.kind}">
              <span
                >${toast.message}
                ${
                  i > 0 && i === this.toasts.length - 1
                    ? html`<span class="more muted" aria-hidden="true">(${i} more)</span>`
                    : null
                }</span
              >
              <button class="secondary" @click=${() => this.dismiss(toast.id)}>
                Dismiss<span class="visually-hidden"> message</span>
              </button>
            </li>`,
        )}
      </ol>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-toast-region': QuorumToastRegion;
  }
}
