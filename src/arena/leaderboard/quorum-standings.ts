// The leaderboard's standings: each model's rating and 95 % interval as an SVG chart, and the same numbers as a table.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { Standing } from '../rating/leaderboard.js';
import { tableStyles } from './table-styles.js';

const ROW = 28;
/** A row on a phone: the name on its own line above the interval. */
const STACKED_ROW = 40;
const LEFT = 8;
const WIDTH = 560;
const RIGHT = 8;
/** Below this width (px) the names go above the intervals, so the plot keeps the whole width. */
const STACK_BELOW = 480;

/** Tick values every `step` points covering lo..hi. */
function ticks(lo: number, hi: number): number[] {
  const span = Math.max(hi - lo, 1);
  const step = [10, 25, 50, 100, 200, 250, 500].find((s) => span / s <= 6) ?? 1000;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}

/** A rating in whole points, as the leaderboard prints it. */
export const points = (value: number): string => Math.round(value).toString();

/** What the leaderboard prints instead of an interval made of too few votes (see hasTooFewVotes). */
export const TOO_FEW_VOTES = 'too few votes';

/** A standing's interval as the leaderboard prints it: "lower – upper", or "too few votes". */
export const intervalText = (s: Pick<Standing, 'lower' | 'upper' | 'tooFewVotes'>): string =>
  s.tooFewVotes ? TOO_FEW_VOTES : `${points(s.lower)} – ${points(s.upper)}`;

/**
 * `<quorum-standings>`: The leaderboard's standings: each model's rating and 95 % interval as an SVG chart,
 * and the same numbers as a table. Properties: `standings`, `labelOf`.
 */
@customElement('quorum-standings')
export class QuorumStandings extends LitElement {
  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      :host {
        display: block;
      }
      svg {
        width: 100%;
        height: auto;
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
  /** The chart's width in CSS pixels: a phone's chart is drawn at its own size, never shrunk. */
  @state() private width = WIDTH;
  // The new width is drawn in the next frame: drawing it inside the observer's callback changes
  // the height it observes and Chromium reports a ResizeObserver loop as an error.
  private readonly resize = new ResizeObserver(([entry]) => {
    const width = Math.round(entry?.contentRect.width ?? 0) || WIDTH;
    if (width !== this.width) requestAnimationFrame(() => (this.width = width));
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  override render() {
    if (this.standings.length === 0) return nothing;
    return html`<figure>
        <div class="scroll" tabindex="0" role="region" aria-label="Ratings chart">
          ${this.renderChart()}
        </div>
        <figcaption class="muted">
          Ratings with their 95&nbsp;% bootstrap intervals (none for a model with too few votes);
          the table below has the numbers.
        </figcaption>
      </figure>
      <div class="scroll" tabindex="0" role="region" aria-label="Standings table">
        <table>
          <caption class="visually-hidden">
            Standings: rank, model, rating, 95&nbsp;% interval and battles
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Model</th>
              <th scope="col" class="num">Rating</th>
              <th scope="col" class="num">95&nbsp;% interval</th>
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
                  <td class="num">${intervalText(s)}</td>
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
    const lo = Math.min(...rows.map((s) => (s.tooFewVotes ? s.rating : s.lower)));
    const hi = Math.max(...rows.map((s) => (s.tooFewVotes ? s.rating : s.upper)));
    const pad = Math.max((hi - lo) * 0.05, 5);
    const [min, max] = [lo - pad, hi + pad];
    // Wide: names in a column beside the plot, scaled with the page. Narrow: drawn at the real
    // width (text at its own size), each name above its interval, the plot the whole width.
    const stacked = this.width < STACK_BELOW;
    const width = stacked ? Math.max(this.width, 200) : WIDTH;
    const row = stacked ? STACKED_ROW : ROW;
    const nameWidth = stacked ? 0 : 180;
    const plot = width - LEFT - RIGHT - nameWidth;
    const x = (v: number) => LEFT + nameWidth + ((v - min) / (max - min)) * plot;
    const height = rows.length * row + 24;
    const summary = rows
      .map(
        (s) =>
          `${this.labelOf(s.id)} ${points(s.rating)} (${s.tooFewVotes ? TOO_FEW_VOTES : `${points(s.lower)}–${points(s.upper)}`})`,
      )
      .join('; ');
    return html`<svg
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-label="Ratings chart: ${summary}"
    >
      <g class="axis">
        ${ticks(min, max).map(
          (t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1="0" y2=${rows.length * row}></line>
            <text x=${x(t)} y=${rows.length * row + 16} text-anchor="middle">${t}</text>`,
        )}
      </g>
      ${rows.map((s, i) => {
        const y = stacked ? i * row + 28 : i * row + row / 2;
        const name = this.labelOf(s.id);
        const room = stacked ? Math.floor((width - LEFT) / 7) : 26;
        return svg`<text class="name" x=${LEFT} y=${stacked ? y - 12 : y + 4}>${
          name.length > room ? `${name.slice(0, room - 1)}…` : name
        }</text>
          ${
            s.tooFewVotes
              ? nothing
              : svg`<line class="interval" x1=${x(s.lower)} x2=${x(s.upper)} y1=${y} y2=${y}></line>`
          }
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
