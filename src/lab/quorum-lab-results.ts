// A run's results: the verdict in words, accuracy with intervals (table and chart), the comparisons, exports, drill-down.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { downloadText } from '../ui/save-text-file.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { labStyles } from './lab-styles.js';
import { comparisonsTable, scoresTable } from './lab-tables.js';
import './quorum-lab-arena.js';
import './quorum-lab-chart.js';
import './quorum-lab-questions.js';
import { answerersOf } from './results/lab-outcomes.js';
import { resultsToCsv, resultsToJson, type LabResults } from './results/results-export.js';
import { runToRecording } from './results/recording-file.js';
import { everyAnswerFailed, failureCount, runStatusText } from './results/run-status.js';
import type { LabRunRecord } from './run/lab-records.js';
import type { LabTask } from './tasks/task-set.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

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
          : everyAnswerFailed(failureCount(results.entries))
            ? html`${this.status(run, results)}
                <p class="note" data-testid="nothing-measured">
                  No accuracy, interval or comparison: no answer could be graded. Each question
                  below says what failed.
                </p>`
            : html`${this.status(run, results)} ${this.verdicts(results)}
                <quorum-lab-chart
                  .entries=${results.entries}
                  .oracle=${results.oracle.total > 0 ? results.oracle.accuracy : null}
                ></quorum-lab-chart>
                ${scoresTable(results)} ${best ? comparisonsTable(results, labelOf(best)) : nothing}
                <quorum-lab-arena .entries=${results.entries}></quorum-lab-arena>
                ${this.notes(
                  run,
                  results.entries.some((e) => e.failed > 0),
                )}`
      }
      ${
        questions === 0
          ? nothing
          : html` ${this.exports(run, results)}
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
        @click=${() => downloadText(`${stem}.json`, resultsToJson(run, results, this.tasks), 'application/json')}
      >
        Export results (JSON)
      </button>
      <button
        class="secondary"
        @click=${() => downloadText(`${stem}.csv`, resultsToCsv(run, results, this.tasks), 'text/csv')}
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
