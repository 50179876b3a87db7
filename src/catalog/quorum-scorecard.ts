// The reviewer scorecard as paired rows: A's quote i beside B's quote i; on a phone each pair stacks.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { ScorecardRow } from './types.js';

/**
 * `<quorum-scorecard>`: The reviewer scorecard as paired rows: A's quote i beside B's quote i; on a phone
 * each pair stacks. Properties: `rows`, `nameA`, `nameB`.
 */
@customElement('quorum-scorecard')
export class QuorumScorecard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .head,
      li {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1rem;
      }
      .head {
        font-weight: 700;
        padding: 0 1rem 0.5rem;
        border-bottom: 2px solid var(--q-border);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 1rem;
        border-bottom: 1px solid var(--q-border);
      }
      li:nth-child(odd) {
        background: var(--q-surface-2);
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-size: 0.8rem;
        font-weight: 700;
        color: var(--q-muted);
        text-transform: uppercase;
        letter-spacing: 0.02em;
      }
      blockquote {
        margin: 0;
        overflow-wrap: anywhere;
      }
      @media (min-width: 40.01rem) {
        figcaption {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
      }
      @media (max-width: 40rem) {
        .head {
          display: none;
        }
        li {
          grid-template-columns: minmax(0, 1fr);
          gap: 0.75rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) rows: ScorecardRow[] = [];
  @property() nameA = '';
  @property() nameB = '';

  override render() {
    return html`<div class="head" aria-hidden="true">
        <span>${this.nameA}</span><span>${this.nameB}</span>
      </div>
      <ol>
        ${this.rows.map(
          (row) =>
            html`<li>
              <figure>
                <figcaption>${this.nameA}</figcaption>
                <blockquote>${row.a || '—'}</blockquote>
              </figure>
              <figure>
                <figcaption>${this.nameB}</figcaption>
                <blockquote>${row.b || '—'}</blockquote>
              </figure>
            </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-scorecard': QuorumScorecard;
  }
}
