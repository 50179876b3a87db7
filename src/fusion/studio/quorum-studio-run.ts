// The current run in the studio: one streaming column per member side by side, then the result.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import './quorum-member-column.js';
import '../history/quorum-run-result.js';
import type { RunRecord } from '../history/run-record.js';
import type { LiveRun } from './studio-state.js';
import { excerptOf } from './studio-setup.js';

/**
 * `<quorum-studio-run>`: The current run in the studio: one streaming column per member side by side, then
 * the result. Properties: `live`, `record`, `running`, `now`.
 */
@customElement('quorum-studio-run')
export class QuorumStudioRun extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.25rem 0 0.5rem;
      }
      .question {
        margin: 0 0 0.75rem;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      /* Only the visitor's text keeps its line breaks: pre-wrap on the paragraph also rendered the
         template's own indentation before "You asked:". */
      .question .prompt {
        white-space: pre-wrap;
      }
      .whole {
        font-weight: 400;
        margin-top: 0.25rem;
      }
      .question .muted {
        font-weight: 400;
        color: var(--q-muted);
      }
      .columns {
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: minmax(min(17rem, 85vw), 1fr);
        gap: 0.75rem;
        overflow-x: auto;
        padding-bottom: 0.5rem;
        scroll-snap-type: x proximity;
      }
      .columns > * {
        scroll-snap-align: start;
      }
      /* Wide screens wrap the columns onto more rows: none is cut at the right edge. */
      @media (min-width: 48rem) {
        .columns {
          grid-auto-flow: row;
          grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
          overflow-x: visible;
        }
      }
      .swipe {
        margin: 0 0 0.4rem;
        font-size: 0.85rem;
        color: var(--q-muted);
      }
      @media (min-width: 48rem) {
        .swipe {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) live: LiveRun | null = null;
  @property({ attribute: false }) record: RunRecord | null = null;
  @property({ type: Boolean }) running = false;
  /**
   * Page clock (ms) for the columns' live figures and silences: the view passes a new one each time
   * it renders, at least once a second during a run, so a column whose model sends nothing still
   * counts its seconds.
   */
  @property({ attribute: false }) now = 0;

  /** A question too long to echo in full: the whole of it one click away, below the excerpt. */
  private renderWhole(prompt: string) {
    if (excerptOf(prompt) === prompt) return nothing;
    return html`<details class="whole">
      <summary>Show the whole question (${prompt.length.toLocaleString('en')} characters)</summary>
      <span class="prompt">${prompt}</span>
    </details>`;
  }

  override render() {
    const live = this.live;
    if (!live) return nothing;
    const record = this.record;
    const now = this.now || Date.now();
    return html`<section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers</h2>
        ${
          record
            ? html`<div class="question" data-testid="run-question">
                <span class="muted">You asked:</span>
                <span class="prompt">${excerptOf(record.prompt)}</span
                >${this.renderWhole(record.prompt)}
              </div>`
            : nothing
        }
        ${
          live.columns.length > 1
            ? html`<p class="swipe" aria-hidden="true">
                Scroll sideways for all ${live.columns.length} answers →
              </p>`
            : nothing
        }
        <div class="columns" tabindex="0" role="group" aria-label="Model answers, side by side">
          ${live.columns.map(
            (column) =>
              html`<quorum-member-column
                class="card"
                data-key=${column.key}
                .column=${column}
                .now=${now}
              ></quorum-member-column>`,
          )}
        </div>
      </section>
      ${
        record && !this.running && record.status !== 'running'
          ? html`<quorum-run-result .run=${record}></quorum-run-result>
              <p><a href="/runs/${encodeURIComponent(record.id)}">Open this run in history</a></p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-studio-run': QuorumStudioRun;
  }
}
