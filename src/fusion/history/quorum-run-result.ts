// A run's outcome, read-only: the fused answer, failed members, the decision trace and the cost.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../ui/quorum-markdown.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import './quorum-cost-panel.js';
import './quorum-battle-links.js';
import './quorum-fusion-trace.js';
import type { RunRecord } from './run-record.js';
import { poolOutcome } from './pool-outcome.js';
import { runNames, simulatedNotice } from './run-names.js';
import type { FusionTrace } from '../modes/trace.js';

/**
 * `<quorum-run-result>`: A run's outcome, read-only: the fused answer, failed members, the decision trace and
 * the cost. Properties: `run`.
 */
@customElement('quorum-run-result')
export class QuorumRunResult extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-top: 1.25rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 0 0 0.5rem;
      }
      .answer {
        padding: 1rem;
      }
      .simulated-notice {
        font-weight: 600;
      }
      .failed {
        background: var(--q-danger-bg);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      .failed li {
        margin: 0.25rem 0;
      }
    `,
  ];

  @property({ attribute: false }) run: RunRecord | null = null;

  override render() {
    const run = this.run;
    if (!run) return nothing;
    const name = runNames(run);
    const failures = run.answers.filter((a) => a.error && a.error.kind !== 'aborted');
    const notice = simulatedNotice(run);
    const outcome = poolOutcome(run);
    // A pool that shrank to one model fused nothing: the heading must not say it did.
    const sole =
      outcome.of > 1 && outcome.answered.length === 1 && run.finalAnswer !== null
        ? outcome.answered[0]
        : undefined;
    return html`<section aria-labelledby="fused-heading">
        <h2 id="fused-heading">
          ${sole ? `Answer (only 1 of ${outcome.of} models answered)` : 'Fused answer'}
        </h2>
        ${
          sole
            ? html`<p data-testid="sole-answer">
                Only ${name(sole)} answered, so nothing was fused: this is its answer.
              </p>`
            : outcome.failed.length > 0
              ? html`<p data-testid="pool-shrank">
                  ${outcome.answered.length} of ${outcome.of} models answered.
                </p>`
              : nothing
        }
        ${
          notice
            ? html`<p class="simulated-notice" data-testid="fused-simulated">${notice}.</p>`
            : nothing
        }
        <div class="card answer" data-testid="fused-answer">
          ${
            run.finalAnswer
              ? html`<quorum-markdown .text=${run.finalAnswer}></quorum-markdown>`
              : html`<p class="muted">
                  ${
                    run.status === 'stopped'
                      ? 'Stopped before a fused answer: the answers produced so far are kept above.'
                      : run.status === 'interrupted'
                        ? 'Interrupted before a fused answer (its tab was discarded or crashed): the answers saved so far are kept above.'
                        : `No fused answer.${unansweredVote(run.trace)}`
                  }
                </p>`
          }
        </div>
      </section>
      ${
        failures.length
          ? html`<section aria-labelledby="failed-heading">
              <h2 id="failed-heading">Members that failed</h2>
              <ul class="failed">
                ${failures.map(
                  (a) =>
                    html`<li>
                      <strong>${name(a.memberId)}</strong> (${a.tag}): ${a.error?.message}
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      <section aria-labelledby="trace-heading" data-testid="trace">
        <h2 id="trace-heading">How it was decided</h2>
        <quorum-fusion-trace .trace=${run.trace} .name=${name}></quorum-fusion-trace>
      </section>
      <section aria-labelledby="cost-heading">
        <h2 id="cost-heading">Cost</h2>
        <quorum-cost-panel .cost=${run.cost} .name=${name} .trace=${run.trace}></quorum-cost-panel>
      </section>
      <quorum-battle-links .run=${run}></quorum-battle-links>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-run-result': QuorumRunResult;
  }
}

/**
 * Why a finished run's vote named no answer, as a sentence after "No fused answer." (a number was
 * asked and no sample gave one: tallyVotes); '' when its trace holds no such vote.
 */
function unansweredVote(trace: FusionTrace | null): string {
  if (!trace) return '';
  const vote =
    trace.mode === 'vote'
      ? trace.decision
      : trace.mode === 'debate'
        ? trace.finalVote
        : trace.fallback?.vote;
  return vote?.method === 'none' && vote.unanswered ? ` ${vote.reason}` : '';
}
