// The lab's past runs: what each asked of whom, how far it got, and open, resume or delete.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { labStyles } from './lab-styles.js';
import { MODE_NAMES } from './results/lab-outcomes.js';
import { everyAnswerFailed, runStatusText } from './results/run-status.js';
import type { LabRunRecord } from './run/lab-records.js';

/** The detail of 'run-action': what to do with which past run. */
export type RunAction = { action: 'open' | 'resume' | 'delete'; runId: string };

/**
 * `<quorum-lab-runs>`: The lab's past runs: what each asked of whom, how far it got, and open, resume or
 * delete. Properties: `runs`, `shownId`, `liveId`. Fires `run-action`.
 */
@customElement('quorum-lab-runs')
export class QuorumLabRuns extends LitElement {
  static override styles = [
    sharedStyles,
    labStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.6rem 0.9rem;
      }
      .what {
        flex: 1 1 18rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      li[aria-current='true'] {
        border-color: var(--q-accent);
      }
      /* A run whose every answer failed must not read like a good one. */
      .meta.failed-run {
        color: var(--q-danger);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) runs: LabRunRecord[] = [];
  @property({ attribute: false }) shownId: string | null = null;
  @property({ attribute: false }) liveId: string | null = null;

  override render() {
    return html`<ol>
      ${this.runs.map((run) => {
        const live = run.id === this.liveId;
        const date = new Date(run.createdAt).toLocaleString();
        const who = [...run.pool.map((m) => m.label), ...run.modes.map((m) => MODE_NAMES[m])];
        return html`<li class="card" aria-current=${run.id === this.shownId ? 'true' : 'false'}>
          <div class="what">
            <strong>${run.taskSet.name}</strong>, ${run.questions.length} questions
            <span class="meta">${date} · ${who.join(', ')}</span>
            <span
              class="meta ${!live && run.status === 'done' && everyAnswerFailed(run.failures) ? 'failed-run' : ''}"
              >${live ? 'Running now' : runStatusText(run.status, run.failures)}</span
            >
          </div>
          <div class="row">
            <button class="secondary" @click=${() => this.emit('open', run.id)}>
              Show results<span class="visually-hidden"> of the run of ${date}</span>
            </button>
            ${
              run.status !== 'done' && !live && this.liveId === null
                ? html`<button class="secondary" @click=${() => this.emit('resume', run.id)}>
                    Resume<span class="visually-hidden"> the run of ${date}</span>
                  </button>`
                : nothing
            }
            <button class="secondary" @click=${() => this.emit('delete', run.id)}>
              Delete<span class="visually-hidden"> the run of ${date}</span>
            </button>
          </div>
        </li>`;
      })}
    </ol>`;
  }

  private emit(action: RunAction['action'], runId: string): void {
    this.dispatchEvent(
      new CustomEvent<RunAction>('run-action', {
        detail: { action, runId },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-runs': QuorumLabRuns;
  }
}
