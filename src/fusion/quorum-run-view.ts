// One stored run at /runs/:id, read-only: prompt, every member's answers, the fused answer, trace, cost; export.
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { setViewTitle } from '../ui/view-element.js';
import '../ui/quorum-error-state.js';
import '../ui/quorum-markdown.js';
import '../ui/quorum-reasoning.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { downloadText } from '../ui/save-text-file.js';
import { simulatedNotice, statusText } from './history/run-names.js';
import { runToJson } from './history/run-to-json.js';
import './history/quorum-run-result.js';
import type { RunRecord } from './history/run-record.js';
import type { ListedRun, RunStore } from './history/run-store.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import { runStoreContext } from './history/run-store-context.js';
import { MODE_LABELS } from './studio/studio-setup.js';
import { runToMarkdown } from './history/run-to-markdown.js';
import { errorText } from '../shared/errors.js';
import { failureText } from './core/failure-text.js';

/**
 * `<quorum-run-view>`: One stored run at /runs/:id, read-only: prompt, every member's answers, the fused
 * answer, trace, cost; export. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-run-view')
export class QuorumRunView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .meta {
        color: var(--q-muted);
      }
      .exports {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.25rem 0 0.5rem;
      }
      .prompt {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        padding: 0.75rem 1rem;
      }
      .answers {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
        gap: 0.75rem;
      }
      .answers article {
        padding: 0.75rem;
        min-width: 0;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      .error {
        color: var(--q-danger);
      }
      .simulated {
        padding: 0.5rem 0.75rem;
        font-weight: 600;
        border-left: 4px solid var(--q-accent);
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: runStoreContext, subscribe: true })
  @state()
  private store: RunStore | undefined;

  /** Another tab ended, saved or deleted runs: this one is read again. */
  private readonly revision = new ChangeRevisionController(this, () => this.store);

  private readonly run = new Task(this, {
    task: async ([store, id]) => {
      if (!store) return initialState;
      const run = await store.get(id ?? '');
      if (run) setViewTitle(this, `Run: ${run.prompt.slice(0, 60)}`);
      return run;
    },
    args: () => [this.store, this.params['id'], this.revision.value] as const,
  });

  override render() {
    return html`<p><a href="/runs">← Run history</a></p>
      ${this.run.render({
        initial: () => html`<h1 tabindex="-1">Loading run…</h1>`,
        // A re-read of the same run (it ended, here or in another tab) keeps it on screen meanwhile.
        pending: () =>
          this.run.value && this.run.value.id === this.params['id']
            ? this.renderRun(this.run.value)
            : html`<h1 tabindex="-1">Loading run…</h1>`,
        complete: (run) =>
          run
            ? this.renderRun(run)
            : html`<h1 tabindex="-1">Run not found</h1>
                <p>This run is not in this browser's history. It may have been deleted.</p>`,
        error: (error) =>
          html`<h1 tabindex="-1">Run</h1>
            <quorum-error-state
              heading="The run could not be read"
              .message=${errorText(error)}
            ></quorum-error-state>`,
      })}`;
  }

  private renderRun(run: ListedRun) {
    const notice = simulatedNotice(run);
    return html`<h1 tabindex="-1">${MODE_LABELS[run.mode]} run</h1>
      <p class="meta">
        ${new Date(run.createdAt).toLocaleString()} · status
        <strong data-testid="run-status">${statusText(run)}</strong> · ${run.poolIds.length} models
      </p>
      ${
        notice
          ? html`<p class="card simulated" role="note" data-testid="run-simulated">${notice}.</p>`
          : nothing
      }
      <div class="exports">
        <button class="secondary" @click=${() => this.exportMarkdown(run)}>Export Markdown</button>
        <button class="secondary" @click=${() => this.exportJson(run)}>Export JSON</button>
      </div>
      ${
        run.history.length
          ? html`<h2>Earlier turns</h2>
              ${run.history.map(
                (turn) =>
                  html`<p><strong>${turn.role === 'user' ? 'You' : 'Fused answer'}:</strong></p>
                    <quorum-markdown .text=${turn.content}></quorum-markdown>`,
              )}`
          : nothing
      }
      <h2>Prompt</h2>
      <div class="card prompt">${run.prompt}</div>
      <h2>Answers</h2>
      ${
        run.answers.length
          ? html`<div class="answers">
              ${run.answers.map(
                (answer) =>
                  html`<article class="card" data-testid="stored-answer">
                    <h3>
                      ${answer.label}${
                        answer.simulated && !/simulated/i.test(answer.label) ? ' (Simulated)' : ''
                      }
                      — ${answer.tag}
                    </h3>
                    ${
                      answer.reasoning
                        ? html`<quorum-reasoning .text=${answer.reasoning}></quorum-reasoning>`
                        : nothing
                    }
                    <quorum-markdown .text=${answer.text || '(no text)'}></quorum-markdown>
                    ${
                      answer.error
                        ? html`<p class="error">${failureText(answer.error, false)}</p>`
                        : nothing
                    }
                  </article>`,
              )}
            </div>`
          : html`<p class="muted">No answers were saved.</p>`
      }
      <quorum-run-result .run=${run}></quorum-run-result>`;
  }

  private exportMarkdown(run: RunRecord): void {
    downloadText(`quorum-run-${run.id}.md`, runToMarkdown(run), 'text/markdown');
  }

  private exportJson(run: RunRecord): void {
    downloadText(`quorum-run-${run.id}.json`, runToJson(run), 'application/json');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-run-view': QuorumRunView;
  }
}
