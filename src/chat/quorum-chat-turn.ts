// One turn of a chat: the question or the answer (markdown), with "Simulated", stopped marks and usage figures.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../ui/quorum-markdown.js';
import '../ui/quorum-reasoning.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { Usage } from '../models/model-client.js';
import { splitModelText } from '../models/output/split-reasoning.js';
import type { ConversationTurn } from './conversation-record.js';
import '../models/quorum-model-error.js';
import { countOf } from '../shared/count.js';

/**
 * An answer's figures in words: prompt and completion tokens, time to first token (ms), prefill and decode
 * rates (tokens/s, "not measured" when 0).
 */
export function usageFigures(usage: Usage): string[] {
  const rate = (value: number) => (value > 0 ? `${value.toFixed(1)} tok/s` : 'not measured');
  return [
    countOf(usage.promptTokens, 'prompt token'),
    countOf(usage.completionTokens, 'completion token'),
    `first token after ${Math.round(usage.timeToFirstTokenMs)} ms`,
    `prefill ${rate(usage.prefillTokensPerS)}`,
    `decode ${rate(usage.decodeTokensPerS)}`,
  ];
}

/**
 * `<quorum-chat-turn>`: One turn of a chat: the question or the answer (markdown), with "Simulated", stopped
 * marks and usage figures. Properties: `turn`, `modelLabel`, `simulated`, `streaming`, `actions`, `quiet`.
 */
@customElement('quorum-chat-turn')
export class QuorumChatTurn extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      article {
        padding: 0.75rem 1rem;
        border-radius: var(--q-radius);
        border: 1px solid var(--q-border);
        background: var(--q-surface);
      }
      article.user {
        background: var(--q-surface-2);
        margin-left: clamp(0rem, 8vw, 4rem);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        font-size: 0.85rem;
        color: var(--q-muted);
        margin-bottom: 0.35rem;
      }
      .badge {
        font-weight: 700;
        font-size: 0.8rem;
        padding: 0.05rem 0.5rem;
        border-radius: 999px;
        border: 1px solid var(--q-border);
        background: var(--q-warning-bg);
        color: var(--q-text);
      }
      .question {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
      }
      .failed {
        background: var(--q-danger-bg);
        color: var(--q-danger);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .usage {
        margin: 0.5rem 0 0;
        font-size: 0.85rem;
        color: var(--q-muted);
      }
    `,
  ];

  @property({ attribute: false }) turn!: ConversationTurn;
  @property() modelLabel = '';
  @property({ type: Boolean }) simulated = false;
  /** True while this answer is still arriving. */
  @property({ type: Boolean }) streaming = false;
  /** Offer Retry and Delete on a failed answer (the view sets it on the last one, when idle). */
  @property({ type: Boolean }) actions = false;
  /** A failure saved before this page opened the conversation: shown, not announced again. */
  @property({ type: Boolean }) quiet = false;

  private fire(name: 'turn-retry' | 'turn-delete'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  override render() {
    const { role, content, usage, interrupted, error } = this.turn;
    if (role === 'user') {
      return html`<article class="user" aria-label="Your question">
        <p class="question">${content}</p>
      </article>`;
    }
    const stopped = interrupted === true && !usage && !error;
    // A streaming answer is the raw text so far; a saved one is already split (content + reasoning).
    const { reasoning, answer, thinking } = this.streaming
      ? splitModelText(content, { streaming: true })
      : { reasoning: this.turn.reasoning ?? null, answer: content, thinking: false };
    const placeholder = this.streaming ? (thinking ? '' : '…') : '(no text)';
    return html`<article class="assistant" aria-label=${`Answer from ${this.modelLabel}`}>
      <header>
        <span>${this.modelLabel}</span>
        ${this.simulated ? html`<span class="badge" data-testid="simulated-label">Simulated</span>` : null}
        ${this.streaming ? html`<span aria-hidden="true">writing…</span>` : null}
        ${stopped ? html`<span class="badge" data-testid="stopped">Stopped</span>` : null}
        ${error ? html`<span class="badge failed" data-testid="failed">Failed</span>` : null}
        ${interrupted && usage ? html`<span class="badge">Reached max tokens</span>` : null}
      </header>
      ${
        reasoning !== null || thinking
          ? html`<quorum-reasoning
              .text=${reasoning ?? ''}
              .thinking=${thinking}
            ></quorum-reasoning>`
          : null
      }
      ${
        error && !answer
          ? null
          : html`<quorum-markdown
              class=${this.streaming ? 'streaming' : ''}
              .streaming=${this.streaming}
              .text=${answer || placeholder}
            ></quorum-markdown>`
      }
      ${error ? this.renderFailure(error) : null}
      ${
        usage
          ? html`<p class="usage" data-testid="usage">
              ${this.simulated ? 'Simulated figures: ' : ''}${usageFigures(usage).join(' · ')}
            </p>`
          : null
      }
    </article>`;
  }

  private renderFailure(error: NonNullable<ConversationTurn['error']>) {
    return html`<quorum-model-error .error=${error} ?quiet=${this.quiet}></quorum-model-error> ${
        this.actions
          ? html`<div class="actions">
              <button @click=${() => this.fire('turn-retry')}>Retry</button>
              <button
                class="secondary"
                aria-label="Delete this question and its failed answer"
                @click=${() => this.fire('turn-delete')}
              >
                Delete
              </button>
            </div>`
          : null
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-chat-turn': QuorumChatTurn;
  }
  interface HTMLElementEventMap {
    'turn-retry': CustomEvent<undefined>;
    'turn-delete': CustomEvent<undefined>;
  }
}
