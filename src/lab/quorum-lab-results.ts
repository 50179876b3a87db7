// A run's results: the verdict in words, accuracy with intervals (table and chart), the comparisons, exports, drill-down.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { downloadText } from '../ui/save-text-file.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { labStyles } from './lab-styles.js';
import './quorum-lab-arena.js';
import './quorum-lab-chart.js';
import './quorum-lab-questions.js';
import { answerersOf } from './results/lab-outcomes.js';
import { resultsToCsv, resultsToJson, type LabResults } from './results/results-export.js';
import { runToRecording } from './results/recording-file.js';
import { everyAnswerFailed, failureCount, runStatusText } from './results/run-status.js';
import type { LabRunRecord } from './run/lab-records.js';
import { formatP } from './stats/verdict.js';
import type { LabTask } from './tasks/task-set.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const interval = ([lo, hi]: [number, number]) => `${pct(lo)} – ${pct(hi)}`;
const points = (x: number) => {
  const v = Math.round(x * 1000) / 10;
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;
};
const maybe = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));

/**
 * `<quorum-lab-results>`: A run's results: the verdict in words, accuracy with intervals (table and chart),
 * the comparisons, exports, drill-down. Properties: `run`, `results`, `tasks`.
 */
@customElement('quorum-lab-results')
export class QuorumLabResults extends LitElement {
  static override styles = [
    sharedStyles,
    labStyles,
    css`
      .verdict {
        border-left: 4px solid var(--q-accent);
        padding: 0.4rem 0.75rem;
        margin: 0.5rem 0;
        max-width: 50rem;
        background: var(--q-surface);
      }
      .verdict.helped {
        border-color: var(--q-success);
      }
      .verdict.hurt {
        border-color: var(--q-danger);
      }
    `,
  ];

  @property({ attribute: false }) run: LabRunRecord | null = null;
  @property({ attribute: false }) results: LabResults | null = null;
  @property({ attribute: false }) tasks: readonly LabTask[] | null = null;

  override render() {
    const { run, results } = this;
    if (!run) return nothing;
    if (!results) return html`<p role="status">Computing the results…</p>`;
    const questions = results.rows.length;
    const best = results.comparisons[0]?.against;
    const labelOf = (id: string) => results.entries.find((e) => e.id === id)?.label ?? id;
    return html`<p class="note">
        ${run.taskSet.name}: ${questions} questions answered by every model and
        mode${run.subset ? ` (a random subset of ${run.subset.size}, seed ${run.subset.seed})` : ''}${
          results.unfinished > 0
            ? `; ${results.unfinished} not yet (the run is not finished).`
            : '.'
        }
        Questions: ${run.taskSet.source}.
      </p>
      ${
        questions === 0
          ? html`<p>No question has every answer yet.</p>`
          : html`${this.status(run, results)}
              ${everyAnswerFailed(failureCount(results.entries)) ? nothing : this.verdicts(results)}
              <quorum-lab-chart
                .entries=${results.entries}
                .oracle=${results.oracle.total > 0 ? results.oracle.accuracy : null}
              ></quorum-lab-chart>
              ${this.scores(results)} ${best ? this.comparisons(results, labelOf(best)) : nothing}
              <quorum-lab-arena .entries=${results.entries}></quorum-lab-arena>
              ${this.notes(
                run,
                results.entries.some((e) => e.failed > 0),
              )}
              ${this.exports(run, results)}
              <h3>Question by question</h3>
              <quorum-lab-questions
                .rows=${results.rows}
                .answerers=${answerersOf(run)}
                .tasks=${this.tasks}
              ></quorum-lab-questions>`
      }`;
  }

  /** A finished run some of whose answers failed says so first: all of them failed means nothing was measured. */
  private status(run: LabRunRecord, results: LabResults) {
    const failures = failureCount(results.entries);
    if (run.status !== 'done' || failures.failed === 0) return nothing;
    const text = runStatusText(run.status, failures);
    if (!everyAnswerFailed(failures))
      return html`<p class="note" data-testid="run-status">
        ${text}: each counts as wrong, and the table says whose.
      </p>`;
    const first = results.rows[0]?.answers[results.entries[0]?.id ?? '']?.error;
    return html`<p class="problem" data-testid="run-status">
      ${text}, so this run measured nothing.${first ? ` The first: ${first.message}` : ''}
    </p>`;
  }

  private verdicts(results: LabResults) {
    if (results.verdicts.length === 0)
      return html`<p class="verdict">
        No fusion mode was run: the table compares the models alone.
      </p>`;
    return results.verdicts.map(
      (v) => html`<p class="verdict ${v.kind}" data-testid="verdict">${v.text}</p>`,
    );
  }

  private scores(results: LabResults) {
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Accuracy table">
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
    </div>`;
  }

  private comparisons(results: LabResults, bestLabel: string) {
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Comparisons table">
      <table data-testid="lab-comparisons">
        <caption>
          Each fusion mode against the best single model, ${bestLabel}, on the same questions
        </caption>
        <thead>
          <tr>
            <th scope="col">Mode</th>
            <th scope="col" class="number">Difference (points)</th>
            <th scope="col" class="number">
              95 % interval (paired bootstrap, ${results.resamples.toLocaleString('en')} resamples)
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
                <th scope="row">
                  ${results.entries.find((e) => e.id === c.mode)?.label ?? c.mode}
                </th>
                <td class="number">${points(c.difference)}</td>
                <td class="number">${points(c.ci95[0])} to ${points(c.ci95[1])}</td>
                <td class="number">${formatP(c.mcnemarP).replace(/^= /, '')}</td>
                <td class="number">${c.onlyMode}</td>
                <td class="number">${c.onlyAgainst}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private notes(run: LabRunRecord, failed: boolean) {
    const recorded = run.pool.filter((m) => m.recorded);
    const tieBreak = Object.entries(run.accuracy).filter(([id]) =>
      run.pool.some((m) => m.id === id),
    );
    return html`<ul class="note">
      ${
        recorded.length > 0
          ? html`<li>
              Recorded models replay answers written elsewhere:
              ${[...new Set(recorded.map((m) => m.source ?? ''))].join('; ')}. Their tokens are
              counted as words of the recorded text, and their seconds measure the replay on this
              device.
            </li>`
          : nothing
      }
      ${
        run.modes.includes('vote')
          ? html`<li>
              ${
                tieBreak.length > 0
                  ? `Vote broke ties by accuracies measured in earlier lab runs: ${tieBreak
                      .map(
                        ([id, a]) => `${run.pool.find((m) => m.id === id)?.label ?? id} ${pct(a)}`,
                      )
                      .join(', ')}.`
                  : 'No earlier lab run had measured these models, so vote broke ties by the overall majority, then pool order.'
              }
            </li>`
          : nothing
      }
      ${
        failed
          ? html`<li>
              A failed answer (the model or mode gave an error, so there was nothing to grade)
              counts as wrong in the accuracy, the intervals and the comparisons.
            </li>`
          : nothing
      }
      <li>
        "Best single model" is the one most accurate on these questions; the oracle counts a
        question when any model alone got it right.
      </li>
    </ul>`;
  }

  private exports(run: LabRunRecord, results: LabResults) {
    const stem = `quorum-lab-${run.taskSet.id.replace(/[^a-z0-9-]/gi, '-')}-${new Date(run.createdAt).toISOString().slice(0, 10)}`;
    const answers = results.rows.flatMap((row) => Object.values(row.answers));
    return html`<div class="row">
      <button
        class="secondary"
        @click=${() => downloadText(`${stem}.json`, resultsToJson(run, results), 'application/json')}
      >
        Export results (JSON)
      </button>
      <button
        class="secondary"
        @click=${() => downloadText(`${stem}.csv`, resultsToCsv(run, results), 'text/csv')}
      >
        Export questions (CSV)
      </button>
      <button
        class="secondary"
        ?disabled=${!this.tasks}
        @click=${() =>
          this.tasks &&
          downloadText(
            `${stem}-recording.json`,
            runToRecording(run, this.tasks, answers),
            'application/json',
          )}
      >
        Export as a recording
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-results': QuorumLabResults;
  }
}
