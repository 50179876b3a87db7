// A model-by-model matrix (win rates or battle counts) as an SVG heat map, with the numbers as a table.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { cellColours } from './matrix-colours.js';
import { tableStyles } from './table-styles.js';

const CELL = 40;
const LABEL = 150;

/**
 * `<quorum-vote-matrix>`: A model-by-model matrix (win rates or battle counts) as an SVG heat map, with the
 * numbers as a table. Properties: `heading`, `description`, `ids`, `values`, `kind`, `labelOf`.
 */
@customElement('quorum-vote-matrix')
export class QuorumVoteMatrix extends LitElement {
  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      svg {
        display: block;
        max-width: 100%;
        height: auto;
      }
      .name {
        fill: var(--q-text);
        font-size: 11px;
      }
      .value {
        font-size: 11px;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        fill: var(--q-surface-2);
      }
      details {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property() heading = '';
  /** What a row's cell means, e.g. "share of battles the row's model won against the column's". */
  @property() description = '';
  /** Row/column ids, best first. */
  @property({ attribute: false }) ids: string[] = [];
  @property({ attribute: false }) values: (number | null)[][] = [];
  /** 'rate': 0..1 shown as %; 'count': whole numbers. */
  @property() kind: 'rate' | 'count' = 'rate';
  @property({ attribute: false }) labelOf: (id: string) => string = (id) => id;

  private format(value: number | null): string {
    if (value === null) return '–';
    return this.kind === 'rate' ? `${Math.round(value * 100)} %` : String(value);
  }

  override render() {
    if (this.ids.length === 0) return nothing;
    return html`<h3>${this.heading}</h3>
      <p class="muted">${this.description}</p>
      <div class="scroll" tabindex="0" role="region" aria-label=${`${this.heading} chart`}>
        ${this.renderSvg()}
      </div>
      <details>
        <summary>${this.heading} as a table</summary>
        <div class="scroll" tabindex="0" role="region" aria-label=${`${this.heading} table`}>
          ${this.renderTable()}
        </div>
      </details>`;
  }

  private renderSvg() {
    const n = this.ids.length;
    const size = LABEL + n * CELL;
    // Room on the right for the last column's slanted name.
    const width = size + LABEL / 2;
    const largest = Math.max(0, ...this.values.flat().map((v) => v ?? 0));
    const short = (id: string) => {
      const label = this.labelOf(id);
      return label.length > 22 ? `${label.slice(0, 21)}…` : label;
    };
    return html`<svg viewBox="0 0 ${width} ${size}" width=${width} aria-hidden="true">
      ${this.ids.map(
        (id, i) =>
          svg`<text class="name" x=${LABEL - 6} y=${LABEL + i * CELL + CELL / 2 + 4} text-anchor="end">${short(id)}</text>
          <text class="name" transform="translate(${LABEL + i * CELL + CELL / 2 + 4} ${LABEL - 6}) rotate(-60)">${short(id)}</text>`,
      )}
      ${this.values.map((row, r) =>
        row.map((value, c) => {
          const x = LABEL + c * CELL;
          const y = LABEL + r * CELL;
          const empty = value === null || (this.kind === 'count' && r === c);
          const colours = empty ? null : cellColours(this.kind, value!, largest);
          return svg`<rect x=${x + 1} y=${y + 1} width=${CELL - 2} height=${CELL - 2} rx="3"
              class=${empty ? 'empty' : ''} fill=${colours?.fill ?? 'none'}></rect>
            ${
              empty
                ? nothing
                : svg`<text class="value" x=${x + CELL / 2} y=${y + CELL / 2 + 4} text-anchor="middle" fill=${colours!.text}>${this.format(value)}</text>`
            }`;
        }),
      )}
    </svg>`;
  }

  private renderTable() {
    return html`<table>
      <caption class="visually-hidden">
        ${this.heading}: ${this.description}
      </caption>
      <thead>
        <tr>
          <td></td>
          ${this.ids.map((id) => html`<th scope="col">${this.labelOf(id)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${this.values.map(
          (row, r) =>
            html`<tr>
              <th scope="row">${this.labelOf(this.ids[r]!)}</th>
              ${row.map((v, c) => html`<td class="num">${r === c ? '–' : this.format(v)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-vote-matrix': QuorumVoteMatrix;
  }
}
