// The lab's two result tables: accuracy of each answerer with intervals, and each mode against the best single model.
import { html, nothing, type TemplateResult } from 'lit';
import '../fusion/history/quorum-scroll-box.js';
import type { LabResults } from './results/results-export.js';
import { formatP } from './stats/verdict.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const interval = ([lo, hi]: [number, number]) => `${pct(lo)} – ${pct(hi)}`;
const points = (x: number) => {
  const v = Math.round(x * 1000) / 10;
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;
};
const maybe = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));

/**
 * The accuracy table: each model alone and each fusion mode (right of how many, wrong and failed apart,
 * accuracy, Wilson 95 % interval, tokens and seconds per right answer) and the oracle as its footer.
 * In a `quorum-scroll-box`, which says "Scroll sideways" when the table is wider than the page.
 */
export function scoresTable(results: LabResults): TemplateResult {
  return html`<quorum-scroll-box label="Accuracy table">
    <table data-testid="lab-scores">
      <caption>
        Accuracy of each model alone and of each fusion mode (the chart above shows the same)
      </caption>
      <thead>
        <tr>
          <th scope="col">Answerer</th>
          <th scope="col" class="number">Right</th>
          <th scope="col" class="number">Accuracy</th>
          <th scope="col" class="number">95 % interval (Wilson)</th>
          <th scope="col" class="number">Tokens per right answer</th>
          <th scope="col" class="number">Seconds per right answer</th>
        </tr>
      </thead>
      <tbody>
        ${results.entries.map(
          (e) =>
            html`<tr class=${e.kind}>
              <th scope="row">${e.label}${e.kind === 'fusion' ? ' (fused)' : ' alone'}</th>
              <td class="number">
                ${e.correct} of
                ${e.total}${
                  e.failed > 0
                    ? html`<span class="meta failed"
                        >${e.total - e.correct - e.failed} wrong, ${e.failed} failed</span
                      >`
                    : nothing
                }
              </td>
              <td class="number">${pct(e.accuracy)}</td>
              <td class="number">${interval(e.ci95)}</td>
              <td class="number">${maybe(e.tokensPerCorrect, 0)}</td>
              <td class="number">${maybe(e.secondsPerCorrect, 2)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Oracle: any model alone right (the ceiling)</th>
          <td class="number">${results.oracle.correct} of ${results.oracle.total}</td>
          <td class="number">${pct(results.oracle.accuracy)}</td>
          <td class="number">${interval(results.oracle.ci95)}</td>
          <td></td>
          <td></td>
        </tr>
      </tfoot>
    </table>
  </quorum-scroll-box>`;
}

/**
 * The comparisons table: each fusion mode against the best single model (`bestLabel`) on the same
 * questions: difference in points, paired-bootstrap 95 % interval, exact McNemar p, and the questions
 * only one of the two got right. Its headings wrap so that it fits a 1280 px page.
 */
export function comparisonsTable(results: LabResults, bestLabel: string): TemplateResult {
  return html`<quorum-scroll-box label="Comparisons table">
    <table data-testid="lab-comparisons">
      <caption>
        Each fusion mode against the best single model, ${bestLabel}, on the same questions
      </caption>
      <thead>
        <tr>
          <th scope="col">Mode</th>
          <th scope="col" class="number">Difference (points)</th>
          <th scope="col" class="number">
            95 % interval
            <span class="meta"
              >paired bootstrap, ${results.resamples.toLocaleString('en')} resamples</span
            >
          </th>
          <th scope="col" class="number">McNemar p (exact)</th>
          <th scope="col" class="number">Only the mode right</th>
          <th scope="col" class="number">Only the model right</th>
        </tr>
      </thead>
      <tbody>
        ${results.comparisons.map(
          (c) =>
            html`<tr>
              <th scope="row">${results.entries.find((e) => e.id === c.mode)?.label ?? c.mode}</th>
              <td class="number">${points(c.difference)}</td>
              <td class="number">${points(c.ci95[0])} to ${points(c.ci95[1])}</td>
              <td class="number">${formatP(c.mcnemarP).replace(/^= /, '')}</td>
              <td class="number">${c.onlyMode}</td>
              <td class="number">${c.onlyAgainst}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </quorum-scroll-box>`;
}
