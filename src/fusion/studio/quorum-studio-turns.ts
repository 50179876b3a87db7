// The earlier turns of a studio conversation: each prompt with its fused answer, folded.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../ui/quorum-markdown.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { RunRecord } from '../history/run-record.js';

/**
 * `<quorum-studio-turns>`: The earlier turns of a studio conversation: each prompt with its fused answer,
 * folded. Properties: `turns`.
 */
@customElement('quorum-studio-turns')
export class QuorumStudioTurns extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.25rem 0 0.5rem;
      }
      details {
        border-bottom: 1px solid var(--q-border);
        padding: 0.4rem 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) turns: RunRecord[] = [];

  override render() {
    if (this.turns.length === 0) return nothing;
    return html`<section aria-labelledby="turns-heading">
      <h2 id="turns-heading">Conversation so far</h2>
      ${this.turns.map(
        (turn) =>
          html`<details>
            <summary>${turn.prompt}</summary>
            <quorum-markdown .text=${turn.finalAnswer ?? ''}></quorum-markdown>
            <p><a href="/runs/${encodeURIComponent(turn.id)}">Open this turn in history</a></p>
          </details>`,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-studio-turns': QuorumStudioTurns;
  }
}
