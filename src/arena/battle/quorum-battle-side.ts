// One side of a battle: "Model A" or "Model B" until the vote, then the model's name and its answer's figures.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../ui/quorum-markdown.js';
import '../../ui/quorum-reasoning.js';
import { splitModelText } from '../../models/output/split-reasoning.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { BattleSide } from './battle-session.js';

const STATUS: Record<BattleSide['status'], string> = {
  waiting: 'Waiting for its turn',
  loading: 'Loading',
  streaming: 'Answering',
  done: 'Done',
  failed: 'Failed',
};

/**
 * `<quorum-battle-side>`: One side of a battle: "Model A" or "Model B" until the vote, then the model's name
 * and its answer's figures. Properties: `name`, `side`, `revealed`.
 */
@customElement('quorum-battle-side')
export class QuorumBattleSide extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-width: 0;
        padding: 0.75rem;
        contain: content;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
      }
      .badge {
        font-size: 0.75rem;
        font-weight: 700;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        background: var(--q-warning-bg);
        border: 1px solid var(--q-border);
      }
      .status {
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--q-muted);
      }
      .failed {
        color: var(--q-danger);
      }
      .source {
        margin: 0.25rem 0 0;
        font-size: 0.85rem;
        color: var(--q-muted);
      }
      .raw {
        white-space: pre-wrap;
      }
      .text {
        margin-top: 0.5rem;
        overflow-wrap: anywhere;
        max-height: 60vh;
        overflow-y: auto;
        line-height: 1.55;
      }
      dl {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0.75rem 0 0;
        font-size: 0.85rem;
      }
      dt {
        color: var(--q-muted);
      }
      dd {
        margin: 0 0 0 0.25rem;
        font-variant-numeric: tabular-nums;
      }
      dl div {
        display: flex;
      }
    `,
  ];

  /** "Model A" or "Model B". */
  @property() name = '';
  @property({ attribute: false }) side: BattleSide | null = null;
  /** Show the model's name and figures (after the vote). */
  @property({ type: Boolean }) revealed = false;

  override render() {
    const side = this.side;
    if (!side) return nothing;
    // A reasoning model's <think> part is folded apart; the answer alone is what is compared.
    const view = splitModelText(side.text, { streaming: side.status === 'streaming' });
    const status =
      side.status === 'loading' && side.loadFraction !== null
        ? `Loading ${Math.round(side.loadFraction * 100)} %`
        : STATUS[side.status];
    return html`<header>
        <h2>
          ${this.name}${
            this.revealed ? html`: <span data-testid="side-model">${side.label}</span>` : nothing
          }
        </h2>
        ${side.simulated ? html`<span class="badge">Simulated</span>` : nothing}
        ${side.recordedSource !== null ? html`<span class="badge">Recorded</span>` : nothing}
        <span class="status ${side.status === 'failed' ? 'failed' : ''}" data-testid="side-status"
          >${status}</span
        >
      </header>
      ${
        side.recordedSource !== null
          ? html`<p class="source" data-testid="side-source">
              A recorded answer, replayed from ${side.recordedSource}: not written now.
            </p>`
          : nothing
      }
      ${side.error ? html`<p class="failed" role="alert">${side.error.message}</p>` : nothing}
      ${
        view.reasoning !== null || view.thinking
          ? html`<quorum-reasoning
              .text=${view.reasoning ?? ''}
              .thinking=${view.thinking}
            ></quorum-reasoning>`
          : nothing
      }
      ${
        side.status === 'done'
          ? html`<quorum-markdown
              class="text"
              tabindex="0"
              role="region"
              aria-label="${this.name} answer"
              .text=${view.answer}
            ></quorum-markdown>`
          : html`<div
              class="text"
              tabindex="0"
              role="region"
              aria-label="${this.name} answer"
              data-testid="side-text"
            >
              <span class="raw">${view.answer}</span>
            </div>`
      }
      ${this.revealed ? this.renderFigures(side) : nothing}`;
  }

  private renderFigures(side: BattleSide) {
    const usage = side.usage;
    const length = splitModelText(side.text).answer.length;
    const figures: [string, string][] = [['Length', `${length} characters`]];
    // A replay's pace is made up to look like a model answering: no speed or time is a measurement.
    if (usage && side.recordedSource !== null) {
      figures.push(['Tokens', `${usage.completionTokens} (words of the recorded text)`]);
    } else if (usage) {
      // Counted by the page, not the engine (a server or browser that reports none): said so.
      const about = usage.estimated ? '≈ ' : '';
      figures.push(
        ['Tokens', `${about}${usage.completionTokens}`],
        ['First token', `${Math.round(usage.timeToFirstTokenMs)} ms`],
        ['Speed', `${about}${usage.decodeTokensPerS.toFixed(1)} tokens/s`],
        ['Total', `${(usage.totalMs / 1000).toFixed(1)} s`],
      );
    }
    // Only after the vote: before it, this would say which side is which model.
    if (side.fixedSampling) figures.push(['Sampling', 'its own: a web page cannot set it']);
    return html`<dl aria-label="${this.name} figures">
      ${figures.map(
        ([term, value]) =>
          html`<div>
            <dt>${term}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-battle-side': QuorumBattleSide;
  }
}
