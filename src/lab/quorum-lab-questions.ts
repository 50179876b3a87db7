// The per-question drill-down: each answerer's answer, the extracted value, right or wrong, and how a mode decided.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../fusion/history/quorum-scroll-box.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { labStyles } from './lab-styles.js';
import { answerMark, type QuestionRow } from './results/lab-outcomes.js';
import type { LabTask } from './tasks/task-set.js';
import { withoutCalculatorNotes } from '../shared/calculator-notes.js';

const PAGE = 20;

/** A column of the drill-down: a single model or a fusion mode. */
export interface Answerer {
  id: string;
  label: string;
  kind: 'single' | 'fusion';
}

/**
 * `<quorum-lab-questions>`: The per-question drill-down: each answerer's answer, the extracted value, right
 * or wrong, and how a mode decided. Properties: `rows`, `answerers`, `tasks`.
 */
@customElement('quorum-lab-questions')
export class QuorumLabQuestions extends LitElement {
  static override styles = [
    sharedStyles,
    labStyles,
    css`
      details.question {
        border: 1px solid var(--q-border);
        border-radius: 8px;
        padding: 0.4rem 0.75rem;
        margin: 0.4rem 0;
      }
      /* How a mode decided is prose: a readable column, scrolled to on a phone, not a word per line. */
      td.how {
        min-width: 14rem;
      }
      summary {
        cursor: pointer;
        min-height: 2rem;
        padding-top: 0.2rem;
      }
      .prompt,
      .full {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-width: 50rem;
      }
      .full {
        font-size: 0.9rem;
        background: var(--q-surface-2);
        border-radius: 6px;
        padding: 0.4rem 0.6rem;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) rows: QuestionRow[] = [];
  @property({ attribute: false }) answerers: Answerer[] = [];
  @property({ attribute: false }) tasks: readonly LabTask[] | null = null;
  @state() private page = 0;
  @state() private disagreeing = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('rows')) this.page = 0;
  }

  override render() {
    const rows = this.disagreeing ? this.rows.filter((row) => this.disagree(row)) : this.rows;
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = rows.slice(page * PAGE, (page + 1) * PAGE);
    return html`<label class="inline"
        ><input
          type="checkbox"
          .checked=${this.disagreeing}
          @change=${(e: Event) => {
            this.disagreeing = (e.target as HTMLInputElement).checked;
            this.page = 0;
          }}
        />Only questions the answerers disagree on (some right, some wrong)</label
      >
      <div class="pager">
        <button class="secondary" ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>
          Previous
        </button>
        <span role="status">Page ${page + 1} of ${pages} (${rows.length} questions)</span>
        <button
          class="secondary"
          ?disabled=${page >= pages - 1}
          @click=${() => (this.page = page + 1)}
        >
          Next
        </button>
      </div>
      ${shown.map((row) => this.question(row))}`;
  }

  private disagree(row: QuestionRow): boolean {
    const right = this.answerers.filter((a) => row.answers[a.id]?.correct).length;
    return right > 0 && right < this.answerers.length;
  }

  private question(row: QuestionRow) {
    const task = this.tasks?.[row.index];
    const singles = this.answerers.filter((a) => a.kind === 'single');
    const right = singles.filter((a) => row.answers[a.id]?.correct).length;
    const failed = singles.filter((a) => answerMark(row.answers[a.id]) === 'Failed').length;
    const modes = this.answerers
      .filter((a) => a.kind === 'fusion')
      .map((a) => `${a.label} ${answerMark(row.answers[a.id]).toLowerCase()}`);
    const models = `${right} of ${singles.length} models right${failed > 0 ? `, ${failed} failed` : ''}`;
    const marks = [models, ...modes].join(' · ');
    return html`<details class="question">
      <summary>
        Question
        ${row.index + 1}${task ? html`: right answer <strong>${task.answer}</strong>` : nothing}
        <span class="meta">${marks}</span>
      </summary>
      ${task ? html`<p class="prompt">${task.prompt}</p>` : nothing}
      <quorum-scroll-box label="Answers to question ${row.index + 1}">
        <table>
          <caption class="visually-hidden">
            Answers to question ${row.index + 1}
          </caption>
          <thead>
            <tr>
              <th scope="col">Answerer</th>
              <th scope="col">Extracted</th>
              <th scope="col">Right?</th>
              <th scope="col">How it came about</th>
            </tr>
          </thead>
          <tbody>
            ${this.answerers.map((a) => {
              const answer = row.answers[a.id];
              return html`<tr class=${a.kind}>
                <th scope="row">${a.label}</th>
                <td>${answer?.extracted ?? '—'}</td>
                <td class=${answerMark(answer).toLowerCase()}>${answerMark(answer)}</td>
                <td class="how">
                  ${answer?.error ? answer.error.message : (answer?.decision ?? '')}
                  ${
                    answer?.text
                      ? html`<details>
                          <summary>Full answer</summary>
                          <p class="full">${withoutCalculatorNotes(answer.text)}</p>
                        </details>`
                      : nothing
                  }
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </quorum-scroll-box>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-questions': QuorumLabQuestions;
  }
}
