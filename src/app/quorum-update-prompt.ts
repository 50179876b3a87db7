// "A new version is ready — reload": shown when a new service worker waits, instead of a silent swap.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';

@customElement('quorum-update-prompt')
export class QuorumUpdatePrompt extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.75rem 1rem;
        border-left: 4px solid var(--q-accent);
      }
      p {
        margin: 0;
      }
    `,
  ];

  /** Activates the waiting version; the page reloads once it controls. */
  @property({ attribute: false }) apply: (() => void) | null = null;
  @state() private reloading = false;

  private reload(): void {
    this.reloading = true;
    this.apply?.();
  }

  override render() {
    if (!this.apply) return null;
    return html`<div class="card" role="status">
      <p>A new version of Quorum is available.</p>
      <button @click=${this.reload} ?disabled=${this.reloading}>
        ${this.reloading ? 'Reloading…' : 'Reload to update'}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-update-prompt': QuorumUpdatePrompt;
  }
}
