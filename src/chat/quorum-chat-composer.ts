// The chat's message box: compact, with the answer settings behind a toggle so a phone keeps room for the chat.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from './conversation-session.js';
import './quorum-answer-settings.js';

/**
 * Renders only: fires `composer-send` (detail: the text; the box is then cleared), `composer-stop`,
 * `composer-regenerate` and `settings-change` (detail: the new AnswerSettings).
 */
@customElement('quorum-chat-composer')
export class QuorumChatComposer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: sticky;
        bottom: 0;
        background: var(--q-bg);
        padding: 0.4rem 0;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 0.35rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: end;
      }
      textarea {
        flex: 1;
        min-width: 0;
        resize: vertical;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .hint {
        font-size: 0.85rem;
      }
      @media (hover: none) and (pointer: coarse) {
        .keys {
          display: none;
        }
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        margin-left: auto;
      }
      quorum-answer-settings[hidden] {
        display: none;
      }
      button.stop {
        background: var(--q-danger);
        border-color: var(--q-danger);
        color: var(--q-on-accent);
      }
    `,
  ];

  @property({ type: Boolean }) busy = false;
  /** No model to send to: Send is disabled. */
  @property({ type: Boolean }) disabled = false;
  /** Whether there is an answer to regenerate. */
  @property({ type: Boolean }) canRegenerate = false;
  @property({ attribute: false }) settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS;
  /** The model can switch its reasoning on and off: the settings then offer Thinking. */
  @property({ type: Boolean }) switchable = false;
  @state() private settingsOpen = false;
  @query('textarea') private textarea!: HTMLTextAreaElement;

  /** Moves the focus into the message box. */
  override focus(): void {
    this.textarea?.focus();
  }

  private fire<T>(name: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private send(): void {
    const text = this.textarea.value;
    if (this.busy || this.disabled || text.trim() === '') return;
    this.textarea.value = '';
    this.fire('composer-send', text);
  }

  override render() {
    return html`<form
      @submit=${(e: Event) => {
        e.preventDefault();
        this.send();
      }}
    >
      <label for="message" class="visually-hidden">Your message</label>
      <div class="row">
        <textarea
          id="message"
          rows="2"
          placeholder="Ask something…"
          aria-describedby="keys"
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
            e.preventDefault();
            this.send();
          }}
        ></textarea>
        ${
          this.busy
            ? html`<button type="button" class="stop" @click=${() => this.fire('composer-stop')}>
                Stop
              </button>`
            : html`<button type="submit" ?disabled=${this.disabled}>Send</button>`
        }
      </div>
      <div class="bar">
        <span id="keys" class="muted hint keys">Ctrl+Enter or ⌘+Enter sends.</span>
        <div class="buttons">
          <button
            type="button"
            class="secondary"
            aria-expanded=${this.settingsOpen ? 'true' : 'false'}
            aria-controls="settings"
            @click=${() => (this.settingsOpen = !this.settingsOpen)}
          >
            Answer settings
          </button>
          <button
            type="button"
            class="secondary"
            ?disabled=${this.busy || !this.canRegenerate || this.disabled}
            @click=${() => this.fire('composer-regenerate')}
          >
            Regenerate
          </button>
        </div>
      </div>
      <quorum-answer-settings
        id="settings"
        ?hidden=${!this.settingsOpen}
        .settings=${this.settings}
        ?switchable=${this.switchable}
        @settings-change=${(e: CustomEvent<AnswerSettings>) => this.fire('settings-change', e.detail)}
      ></quorum-answer-settings>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-chat-composer': QuorumChatComposer;
  }
}
