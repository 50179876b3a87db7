// "A new version is ready — reload": shown when a new service worker waits (or took over from another tab), never a silent swap.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { stopAllWork, workInProgress } from '../ui/work-in-progress.js';

/**
 * `<quorum-update-prompt>`: "A new version is ready — reload": shown when a new service worker waits (or took
 * over from another tab), never a silent swap. Properties: `apply`, `replaced`.
 */
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
      .buttons {
        display: flex;
        gap: 0.5rem;
        padding: 0;
        border: 0;
      }
    `,
  ];

  /** Activates the waiting version; the page reloads once it controls. */
  @property({ attribute: false }) apply: (() => void) | null = null;
  /** A new version already took over from another tab: this tab runs the old one until it reloads. */
  @property({ type: Boolean }) replaced = false;
  @state() private reloading = false;
  /** What a reload would cut short, once the visitor asked to update while it runs. */
  @state() private pending: string[] | null = null;

  private async accept(confirmed: boolean): Promise<void> {
    const work = workInProgress();
    if (work.length > 0 && !confirmed) {
      this.pending = work;
      return;
    }
    this.reloading = true;
    // Stopped and saved first: a reload mid-run would lose what the last save missed.
    await stopAllWork();
    if (this.apply) this.apply();
    else location.reload();
  }

  override render() {
    if (!this.apply && !this.replaced) return null;
    if (this.pending) {
      const what = this.pending.join(' and ');
      return html`<div class="card" role="alert">
        <p>
          ${what.charAt(0).toUpperCase()}${what.slice(1)} is still going. Updating now stops it;
          what it produced so far is saved (as stopped) and stays in History.
        </p>
        <span class="buttons">
          <button @click=${() => void this.accept(true)} ?disabled=${this.reloading}>
            ${this.reloading ? 'Saving and reloading…' : 'Update now'}
          </button>
          <button class="secondary" @click=${() => (this.pending = null)}>Not now</button>
        </span>
      </div>`;
    }
    return html`<div class="card" role="status">
      <p>
        ${
          this.replaced
            ? 'Quorum was updated in another tab. Reload this tab to use the new version.'
            : 'A new version of Quorum is available.'
        }
      </p>
      <button @click=${() => void this.accept(false)} ?disabled=${this.reloading}>
        ${this.reloading ? 'Reloading…' : this.replaced ? 'Reload this tab' : 'Reload to update'}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-update-prompt': QuorumUpdatePrompt;
  }
}
