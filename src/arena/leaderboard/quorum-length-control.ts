// The length-controlled leaderboard beside the plain one: how much answer length moved each model.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { LengthControlled } from '../rating/leaderboard.js';
import { intervalText, points } from './quorum-standings.js';
import { tableStyles } from './table-styles.js';

const signed = (value: number): string => (value > 0 ? `+${points(value)}` : points(value));

/**
 * `<quorum-length-control>`: The length-controlled leaderboard beside the plain one: how much answer length
 * moved each model. Properties: `result`, `labelOf`.
 */
@customElement('quorum-length-control')
export class QuorumLengthControl extends LitElement {
  static override styles = [sharedStyles, tableStyles];

  @property({ attribute: false }) result: LengthControlled | null | undefined = undefined;
  @property({ attribute: false }) labelOf: (id: string) => string = (id) => id;

  override render() {
    const lc = this.result;
    if (lc === undefined) return html`<p role="status">Fitting the length-controlled ratings…</p>`;
    if (lc === null) {
      return html`<p>
        Not enough votes carry both answers' lengths to tell length apart from quality yet.
      </p>`;
    }
    const effect = lc.pointsPerSd;
    return html`<p data-testid="length-effect">
        ${this.describe(effect, lc.longerWins)} (${signed(effect)} points per standard deviation of
        the length difference, 95&nbsp;% interval ${signed(lc.pointsPerSdLower)} to
        ${signed(lc.pointsPerSdUpper)}; ${lc.withLengths} votes with lengths).
      </p>
      <div class="scroll" tabindex="0" role="region" aria-label="Length-controlled table">
        <table>
          <caption class="visually-hidden">
            Length-controlled ratings and the difference from the plain ratings
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Model</th>
              <th scope="col" class="num">Length-controlled</th>
              <th scope="col" class="num">95&nbsp;% interval</th>
              <th scope="col" class="num">Difference</th>
              <th scope="col" class="num">Rank change</th>
            </tr>
          </thead>
          <tbody>
            ${lc.standings.map(
              (s) =>
                html`<tr>
                  <td class="num">${s.rank}</td>
                  <th scope="row">${this.labelOf(s.id)}</th>
                  <td class="num">${points(s.rating)}</td>
                  <td class="num">${intervalText(s)}</td>
                  <td class="num">${signed(s.shift)}</td>
                  <td class="num">
                    ${s.rankShift === 0 ? '–' : s.rankShift > 0 ? `up ${s.rankShift}` : `down ${-s.rankShift}`}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private describe(effect: number, longerWins: number): string {
    const share = `${Math.round(longerWins * 100)} %`;
    if (Math.abs(effect) < 1) return 'Answer length made no measurable difference to the votes';
    return effect > 0
      ? `Longer answers were favoured: against an equally strong model, an answer one standard deviation longer wins ${share} of the time`
      : `Shorter answers were favoured: against an equally strong model, an answer one standard deviation longer wins only ${share} of the time`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-length-control': QuorumLengthControl;
  }
}
