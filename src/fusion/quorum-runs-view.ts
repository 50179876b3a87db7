// Run history at /runs: every saved fusion run with its mode, prompt, date and status (running here or in another tab); reopen or delete.
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../ui/quorum-error-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { showToast } from '../ui/toast-event.js';
import { simulatedNotice, statusText } from './history/run-names.js';
import type { ListedRun, RunStore } from './history/run-store.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import { runStoreContext } from './history/run-store-context.js';
import { MODE_LABELS } from './studio/studio-setup.js';
import { errorText } from '../shared/errors.js';
import { excerpt as excerptAt } from '../shared/excerpt.js';
import { countOf } from '../shared/count.js';
import { markdownPlainText } from '../ui/markdown/markdown-plain-text.js';

const EXCERPT = 140;

/**
 * `<quorum-runs-view>`: Run history at /runs: every saved fusion run with its mode, prompt, date and status
 * (running here or in another tab); reopen or delete. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-runs-view')
export class QuorumRunsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.75rem 1rem;
      }
      .what {
        min-width: 0;
        flex: 1 1 20rem;
      }
      .what a {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .meta {
        font-size: 0.85rem;
        color: var(--q-muted);
      }
      .preview {
        margin: 0.2rem 0 0;
        overflow-wrap: anywhere;
      }
      /* Said on every simulated row, so it stays quiet: the question and its answer lead. */
      .simulated {
        font-size: 0.8rem;
        color: var(--q-muted);
      }
      .status-stopped,
      .status-interrupted,
      .status-failed {
        color: var(--q-danger);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: runStoreContext, subscribe: true })
  @state()
  private store: RunStore | undefined;

  /** Another tab ended, saved or deleted a run: the list is read again. */
  private readonly revision = new ChangeRevisionController(this, () => this.store);

  private readonly runs = new Task(this, {
    task: ([store]) => store?.list() ?? initialState,
    args: () => [this.store, this.revision.value] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">Run history</h1>
      ${this.runs.render({
        initial: () => html`<p>Loading runs…</p>`,
        // A re-read (a run ended, here or in another tab) keeps the list on screen until it is done.
        pending: () =>
          this.runs.value ? this.renderRuns(this.runs.value) : html`<p>Loading runs…</p>`,
        complete: (runs) => this.renderRuns(runs),
        error: (error) =>
          html`<quorum-error-state
            heading="The run history could not be read"
            .message=${errorText(error)}
          ></quorum-error-state>`,
      })}`;
  }

  private renderRuns(runs: ListedRun[]) {
    if (runs.length === 0)
      return html`<p>No runs yet. Runs of the <a href="/studio">studio</a> are kept here.</p>`;
    return html`<p class="muted">${countOf(runs.length, 'run')}, newest first.</p>
      <ol>
        ${runs.map(
          (run) =>
            html`<li class="card" data-testid="run-item">
              <div class="what">
                <a href="/runs/${encodeURIComponent(run.id)}">${excerpt(run.prompt)}</a>
                <div class="meta">
                  ${MODE_LABELS[run.mode]} · ${new Date(run.createdAt).toLocaleString()} ·
                  <span class="status-${run.status}" data-testid="run-item-status"
                    >${statusText(run)}</span
                  >
                  · ${run.poolIds.length} models
                </div>
                <p class="preview" data-testid="run-preview">${answerPreview(run)}</p>
                ${noticeOf(simulatedNotice(run))}
              </div>
              <button
                class="secondary"
                aria-label="Delete run: ${excerpt(run.prompt)}"
                @click=${() => void this.deleteRun(run)}
              >
                Delete
              </button>
            </li>`,
        )}
      </ol>`;
  }

  private async deleteRun(run: ListedRun): Promise<void> {
    const elsewhere =
      run.runningIn === 'another-tab'
        ? '\n\nIt is still running in another tab, which will stop saving it.'
        : '';
    if (!confirm(`Delete this run?\n\n${excerpt(run.prompt)}${elsewhere}`)) return;
    try {
      await this.store?.delete(run.id);
    } catch (error) {
      showToast(this, `The run could not be deleted: ${errorText(error)}`, 'error');
    }
    void this.runs.run();
  }
}

/** The fused answer's first words as plain text, or why there is none. */
function answerPreview(run: ListedRun): string {
  if (run.finalAnswer === null || !run.finalAnswer.trim())
    return run.status === 'running' ? 'No answer yet.' : 'No fused answer.';
  // The preview needs a line's worth of words; lexing a long answer whole would only slow the list.
  const plain = markdownPlainText(run.finalAnswer.slice(0, 2000));
  return `Answer: ${excerptAt(plain, 160)}`;
}

function excerpt(prompt: string): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat || '(empty prompt)';
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-runs-view': QuorumRunsView;
  }
}

/** A listed run's simulated notice (all or part of its models), or nothing. */
function noticeOf(notice: string | null) {
  return notice
    ? html`<div class="simulated" data-testid="run-simulated">${notice}</div>`
    : nothing;
}
