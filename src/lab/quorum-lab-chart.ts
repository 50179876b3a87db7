// Accuracy of each model alone and each mode as bars with their 95 % intervals, and the oracle's ceiling (SVG).
import { LitElement, css, svg, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ResultEntry } from './stats/summarise.js';

const ROW = 30;
const LABEL = 220;
const WIDTH = 640;
const PLOT = WIDTH - LABEL - 60;

/** Decorative: the results table next to it holds the same numbers for assistive technology. */
@customElement('quorum-lab-chart')
export class QuorumLabChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 44rem;
    }
    svg {
      width: 100%;
      height: auto;
      font: 12px var(--q-font);
    }
    .label {
      fill: var(--q-text);
    }
    .value {
      fill: var(--q-muted);
    }
    .bar {
      fill: var(--q-accent);
      opacity: 0.75;
    }
    .bar.fusion {
      opacity: 1;
    }
    .ci {
      stroke: var(--q-text);
      stroke-width: 2;
    }
    .grid {
      stroke: var(--q-border);
    }
    .oracle {
      stroke: var(--q-success);
      stroke-width: 2;
      stroke-dasharray: 4 3;
    }
  `;

  @property({ attribute: false }) entries: ResultEntry[] = [];
  @property({ attribute: false }) oracle: number | null = null;

  override render() {
    const height = this.entries.length * ROW + 24;
    const x = (fraction: number) => LABEL + fraction * PLOT;
    return html`<svg
      viewBox="0 0 ${WIDTH} ${height}"
      aria-hidden="true"
      focusable="false"
      data-testid="lab-chart"
    >
      ${[0, 0.25, 0.5, 0.75, 1].map(
        (tick) =>
          svg`<line class="grid" x1=${x(tick)} x2=${x(tick)} y1="0" y2=${height - 18}></line>
          <text class="value" x=${x(tick)} y=${height - 4} text-anchor="middle">${tick * 100}%</text>`,
      )}
      ${this.entries.map((entry, i) => {
        const y = i * ROW + 6;
        const name = entry.label.length > 34 ? `${entry.label.slice(0, 33)}…` : entry.label;
        return svg`<text class="label" x=${LABEL - 8} y=${y + 13} text-anchor="end">${name}</text>
          <rect class="bar ${entry.kind}" x=${LABEL} y=${y} width=${entry.accuracy * PLOT} height="18"></rect>
          <line class="ci" x1=${x(entry.ci95[0])} x2=${x(entry.ci95[1])} y1=${y + 9} y2=${y + 9}></line>
          <line class="ci" x1=${x(entry.ci95[0])} x2=${x(entry.ci95[0])} y1=${y + 4} y2=${y + 14}></line>
          <line class="ci" x1=${x(entry.ci95[1])} x2=${x(entry.ci95[1])} y1=${y + 4} y2=${y + 14}></line>
          <text class="value" x=${x(entry.ci95[1]) + 6} y=${y + 13}>${(entry.accuracy * 100).toFixed(1)}%</text>`;
      })}
      ${
        this.oracle === null
          ? null
          : svg`<line class="oracle" x1=${x(this.oracle)} x2=${x(this.oracle)} y1="0" y2=${height - 18}></line>`
      }
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-chart': QuorumLabChart;
  }
}
