// The leaderboard's standings: each model's rating and 95 % interval as an SVG chart, and the same numbers as a table.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { Standing } from '../rating/leaderboard.js';
import { tableStyles } from './table-styles.js';

const ROW = 28;
const LEFT = 8;
const WIDTH = 560;
const RIGHT = 8;

/** Tick values every `step` points covering lo..hi. */
function ticks(lo: number, hi: number): number[] {
  const span = Math.max(hi - lo, 1);
  const step = [10, 25, 50, 100, 200, 250, 500].find((s) => span / s <= 6) ?? 1000;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}

export const points = (value: number): string => Math.round(value).toString();

@customElement('quorum-standings')
export class QuorumStandings extends LitElement {
  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      svg {
        width: 100%;
        height: auto;
        /* Below this the names would be too small to read: the chart scrolls instead. */
        min-width: 30rem;
        max-width: 40rem;
        display: block;
        overflow: visible;
      }
      .axis text,
      .label {
        fill: var(--q-muted);
        font-size: 11px;
      }
      .grid {
        stroke: var(--q-border);
      }
      .interval {
        stroke: var(--q-accent);
        stroke-width: 3;
        stroke-linecap: round;
      }
      .point {
        fill: var(--q-text);
      }
      .name {
        fill: var(--q-text);
        font-size: 12px;
      }
    `,
  ];

  @property({ attribute: false }) standings: Standing[] = [];
  @property({ attribute: false }) labelOf: (id: string) => string = (id) => id;

  override render() {
    if (this.standings.length === 0) return nothing;
    return html`<figure>
        <div class="scroll" tabindex="0" role="region" aria-label="Ratings chart">
          ${this.renderChart()}
        </div>
        <figcaption class="muted">
          Ratings with their 95 % bootstrap intervals; the table below has the numbers.
        </figcaption>
      </figure>
      <div class="scroll" tabindex="0" role="region" aria-label="Standings table">
        <table>
          <caption class="visually-hidden">
            Standings: rank, model, rating, 95 % interval and battles
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Model</th>
              <th scope="col" class="num">Rating</th>
              <th scope="col" class="num">95 % interval</th>
              <th scope="col" class="num">Battles</th>
              <th scope="col" class="num">Won · lost · tied</th>
            </tr>
          </thead>
          <tbody>
            ${this.standings.map(
              (s) =>
                html`<tr>
                  <td class="num">${s.rank}</td>
                  <th scope="row">${this.labelOf(s.id)}</th>
                  <td class="num">${points(s.rating)}</td>
                  <td class="num">${points(s.lower)} – ${points(s.upper)}</td>
                  <td class="num">${s.battles}</td>
                  <td class="num">${s.wins} · ${s.losses} · ${s.ties}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderChart() {
    const rows = this.standings;
    const lo = Math.min(...rows.map((s) => s.lower));
    const hi = Math.max(...rows.map((s) => s.upper));
    const pad = Math.max((hi - lo) * 0.05, 5);
    const [min, max] = [lo - pad, hi + pad];
    const nameWidth = 180;
    const plot = WIDTH - LEFT - RIGHT - nameWidth;
    const x = (v: number) => LEFT + nameWidth + ((v - min) / (max - min)) * plot;
    const height = rows.length * ROW + 24;
    const summary = rows
      .map(
        (s) => `${this.labelOf(s.id)} ${points(s.rating)} (${points(s.lower)}–${points(s.upper)})`,
      )
      .join('; ');
    return html`<svg
      viewBox="0 0 ${WIDTH} ${height}"
      role="img"
      aria-label="Ratings chart: ${summary}"
    >
      <g class="axis">
        ${ticks(min, max).map(
          (t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1="0" y2=${rows.length * ROW}></line>
            <text x=${x(t)} y=${rows.length * ROW + 16} text-anchor="middle">${t}</text>`,
        )}
      </g>
      ${rows.map((s, i) => {
        const y = i * ROW + ROW / 2;
        const name = this.labelOf(s.id);
        return svg`<text class="name" x=${LEFT} y=${y + 4}>${
          name.length > 26 ? `${name.slice(0, 25)}…` : name
        }</text>
          <line class="interval" x1=${x(s.lower)} x2=${x(s.upper)} y1=${y} y2=${y}></line>
          <circle class="point" cx=${x(s.rating)} cy=${y} r="5"></circle>`;
      })}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-standings': QuorumStandings;
  }
}
