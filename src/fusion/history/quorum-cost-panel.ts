// What a run cost: tokens per model and in total, wall time, the slowest member, judging, overhead.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ratio, seconds } from '../../ui/format.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { BEST_BASIS_LABELS as BASIS, bestBasisOf } from '../modes/best-member.js';
import type { FusionTrace } from '../modes/trace.js';
import { estimateNote, failedWaitNote, type RunCost } from '../core/cost.js';
import './quorum-scroll-box.js';
import { countOf } from '../../shared/count.js';
import { isRecordedModelId } from '../../models/list/recorded-models.js';

/** Why a recorded member's seconds are not the original model's: said under the table when one took part. */
export const REPLAY_TIME_NOTE =
  'Recorded models’ times are their replay on this device, at one made-up pace for every recording: they follow the length of each real answer, not how fast the original model was.';

/**
 * `<quorum-cost-panel>`: What a run cost: tokens per model and in total, wall time, the slowest member,
 * judging, overhead. Properties: `cost`, `name`, `trace` (the run's decision trace: how the best
 * answer was picked is read from it, so a stored run is described as it happened).
 */
@customElement('quorum-cost-panel')
export class QuorumCostPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        min-width: 100%;
        font-size: 0.92rem;
      }
      th,
      td {
        border-bottom: 1px solid var(--q-border);
        padding: 0.35rem 0.5rem;
        text-align: right;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      dl {
        display: grid;
        /* Labels may wrap, so the longer overhead rows still fit a phone. */
        grid-template-columns: fit-content(45%) minmax(0, 1fr);
        gap: 0.25rem 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) cost: RunCost | null = null;
  @property({ attribute: false }) name: (memberId: string) => string = (id) => id;
  @property({ attribute: false }) trace: FusionTrace | null = null;

  override render() {
    const cost = this.cost;
    if (!cost) return html`<p class="muted">No cost was recorded.</p>`;
    const name = this.name;
    const note = estimateNote(cost.perModel);
    const wait = failedWaitNote(cost, seconds);
    return html`<quorum-scroll-box label="Tokens per model">
        <table>
          <caption class="visually-hidden">
            Tokens per model
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Calls</th>
              <th scope="col">Prompt tokens</th>
              <th scope="col">Output tokens</th>
              <th scope="col">Busy</th>
            </tr>
          </thead>
          <tbody>
            ${cost.perModel.map(
              (m) =>
                html`<tr>
                  <th scope="row">${name(m.memberId)}</th>
                  <td>${m.calls}</td>
                  <td>${m.estimated ? '≈ ' : ''}${m.promptTokens}</td>
                  <td>${m.estimated ? '≈ ' : ''}${m.completionTokens}</td>
                  <td>${seconds(m.busyMs)}</td>
                </tr>`,
            )}
            <tr>
              <th scope="row">Total</th>
              <td></td>
              <td>${cost.promptTokens}</td>
              <td>${cost.completionTokens}</td>
              <td></td>
            </tr>
          </tbody>
        </table>
      </quorum-scroll-box>
      ${note ? html`<p class="muted">${note}</p>` : null}
      ${
        cost.perModel.some((m) => isRecordedModelId(m.memberId))
          ? html`<p class="muted" data-testid="replay-time-note">${REPLAY_TIME_NOTE}</p>`
          : null
      }
      <p class="muted">
        Overhead compares the whole run with asking one model once: the fastest model, and the model
        whose answer was chosen (by the vote, or by its tie-break when no two answers agreed; for a
        merge synthesis, the aggregator when it is in the pool, else the model leading the agreement
        vote).
      </p>
      <dl>
        <dt>Wall time</dt>
        <dd>${seconds(cost.wallMs)}</dd>
        <dt>Slowest member</dt>
        <dd>
          ${
            cost.slowestMember
              ? `${name(cost.slowestMember.memberId)}, ${seconds(cost.slowestMember.ms)}`
              : '—'
          }
        </dd>
        <dt>Judging</dt>
        <dd>${seconds(cost.judgingMs)}</dd>
        <dt>Over the fastest single answer</dt>
        <dd data-testid="overhead-fastest">
          ${
            cost.singleAnswer
              ? `time ${ratio(cost.overhead.time)}, tokens ${ratio(cost.overhead.tokens)} (${name(cost.singleAnswer.memberId)} alone: ${seconds(cost.singleAnswer.ms)}, ${countOf(cost.singleAnswer.tokens, 'token')})`
              : '—'
          }
        </dd>
        <dt>Over the best model's single answer</dt>
        <dd data-testid="overhead-best">
          ${
            cost.bestAnswer && cost.overheadVsBest
              ? `time ${ratio(cost.overheadVsBest.time)}, tokens ${ratio(cost.overheadVsBest.tokens)} (${name(cost.bestAnswer.memberId)} alone, ${BASIS[bestBasisOf(cost.bestAnswer, this.trace)]}: ${seconds(cost.bestAnswer.ms)}, ${countOf(cost.bestAnswer.tokens, 'token')})`
              : '—'
          }
        </dd>
      </dl>
      ${wait ? html`<p class="muted" data-testid="failed-wait">${wait}</p>` : null}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-cost-panel': QuorumCostPanel;
  }
}
