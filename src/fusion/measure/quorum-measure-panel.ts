// "Does fusion help here?": runs the built-in checkable tasks through each model alone and the chosen mode.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../ui/quorum-progress-bar.js';
import { percent } from '../../ui/format.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { MeasureProgress } from './measure-fusion.js';
import { MEASURE_TASKS, type MeasureSummary } from './measure-tasks.js';
import { errorText } from '../../shared/errors.js';

export type MeasureStart = (
  signal: AbortSignal,
  onProgress: (progress: MeasureProgress) => void,
) => Promise<MeasureSummary>;

/** Right answers as a share of those asked; none asked shows as "—". */
const accuracy = ({ correct, total }: { correct: number; total: number }): string =>
  percent(total === 0 ? null : correct / total);

@customElement('quorum-measure-panel')
export class QuorumMeasurePanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        margin-top: 0.5rem;
      }
      th,
      td {
        border-bottom: 1px solid var(--q-border);
        padding: 0.35rem 0.6rem;
        text-align: left;
      }
      .fusion th,
      .fusion td {
        font-weight: 700;
      }
      quorum-progress-bar {
        margin-top: 0.75rem;
        max-width: 32rem;
      }
    `,
  ];

  @property({ attribute: false }) start: MeasureStart | null = null;
  @property({ attribute: false }) modeLabel = '';
  @property({ attribute: false }) label: (id: string) => string = (id) => id;
  @property({ type: Boolean }) simulated = false;
  @property({ type: Boolean }) disabled = false;
  @state() private progress: string | null = null;
  /** While running: what is being asked, and how many answers are in. */
  @state() private step: MeasureProgress | null = null;
  @state() private summary: MeasureSummary | null = null;
  @state() private error: string | null = null;
  private abort: AbortController | null = null;

  override render() {
    const running = this.abort !== null;
    return html`<p>
        Asks ${MEASURE_TASKS.length} built-in questions with checkable answers (arithmetic, multiple
        choice) of each pool model alone and of the ${this.modeLabel} pool, and counts the right
        answers. The results also break future vote ties.
      </p>
      <button
        class="secondary"
        ?disabled=${running || this.disabled || !this.start}
        @click=${() => void this.measure()}
      >
        Measure fusion gain
      </button>
      ${
        running
          ? html`<button class="secondary" @click=${() => this.abort?.abort()}>
              Stop measuring
            </button>`
          : nothing
      }
      ${
        running && this.step
          ? html`<quorum-progress-bar
              label=${this.stepLabel(this.step)}
              .value=${this.step.done}
              .max=${this.step.total}
            ></quorum-progress-bar>`
          : nothing
      }
      <p role="status">${this.progress ?? ''}</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.summary ? this.table(this.summary) : nothing}`;
  }

  private stepLabel({ question, questions, asking, done, total }: MeasureProgress): string {
    const what =
      asking === null
        ? 'finishing'
        : asking.kind === 'alone'
          ? `asking ${this.label(asking.modelId)} alone`
          : `asking the ${this.modeLabel} pool`;
    return `Question ${question} of ${questions}: ${what} (${done} of ${total} answers in)`;
  }

  private table(summary: MeasureSummary) {
    return html`<table>
        <caption class="visually-hidden">
          Accuracy alone and fused
        </caption>
        <thead>
          <tr>
            <th scope="col">Asked</th>
            <th scope="col">Right</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          ${summary.singles.map(
            (s) =>
              html`<tr>
                <th scope="row">${this.label(s.modelId)} alone</th>
                <td>${s.score.correct} of ${s.score.total}</td>
                <td>${accuracy(s.score)}</td>
              </tr>`,
          )}
          <tr class="fusion">
            <th scope="row">${this.modeLabel} (fused)</th>
            <td>${summary.fusion.correct} of ${summary.fusion.total}</td>
            <td>${accuracy(summary.fusion)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        ${
          summary.gainOverBest === null
            ? ''
            : `Fusion vs the best single model: ${summary.gainOverBest >= 0 ? '+' : ''}${summary.gainOverBest} points.`
        }
        ${
          this.simulated
            ? html`<strong>Simulated results:</strong> made-up models, not a measurement of real
                ones.`
            : `On ${summary.fusion.total} questions: a small sample, so treat a few points either way as noise.`
        }
      </p>`;
  }

  private async measure(): Promise<void> {
    if (!this.start || this.abort) return;
    const abort = new AbortController();
    this.abort = abort;
    this.error = null;
    this.progress = 'Starting…';
    this.step = null;
    try {
      this.summary = await this.start(abort.signal, (step) => {
        this.step = step;
        // The live region speaks once per question, not at every answer.
        if (step.asking !== null)
          this.progress = `Measuring: question ${step.question} of ${step.questions}`;
      });
      this.progress = abort.signal.aborted
        ? 'Stopped: the table counts the finished questions.'
        : 'Done.';
    } catch (error) {
      this.error = `The measurement failed: ${errorText(error)}`;
      this.progress = null;
    } finally {
      this.abort = null;
      this.step = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-measure-panel': QuorumMeasurePanel;
  }
}
