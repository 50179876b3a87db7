// A model's reasoning (its <think> part), folded under "Reasoning", or "Thinking…" while it is still being written.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.js';

/**
 * `<quorum-reasoning>`: A model's reasoning (its <think> part), folded under "Reasoning", or "Thinking…"
 * while it is still being written. Properties: `text`, `thinking`.
 */
@customElement('quorum-reasoning')
export class QuorumReasoning extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 0.25rem 0 0.5rem;
        font-size: 0.85rem;
        color: var(--q-muted);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-height: 14rem;
        overflow-y: auto;
        margin: 0.25rem 0 0;
        padding-left: 0.6rem;
        border-left: 3px solid var(--q-border);
      }
    `,
  ];

  /** The reasoning as the model wrote it: shown as plain text, never as Markdown or HTML. */
  @property() text = '';
  /** The reasoning block is still open: the summary says "Thinking…". */
  @property({ type: Boolean }) thinking = false;

  override render() {
    return html`<details data-testid="reasoning">
      <summary>${this.thinking ? 'Thinking…' : 'Reasoning'}</summary>
      <div class="text">${this.text}</div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-reasoning': QuorumReasoning;
  }
}
