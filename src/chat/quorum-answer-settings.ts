// The chat's answer settings: temperature, max tokens and, for models that can switch it, thinking.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from './conversation-session.js';

/** Fires `settings-change` (detail: the new AnswerSettings) on every change. */
@customElement('quorum-answer-settings')
export class QuorumAnswerSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-size: 0.9rem;
      }
      input[type='number'] {
        width: 7rem;
      }
      label.check {
        flex-direction: row;
        align-items: center;
        min-height: 2.25rem;
      }
      label.check input {
        min-height: auto;
        width: 1.15rem;
        height: 1.15rem;
      }
    `,
  ];

  @property({ attribute: false }) settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS;
  /** The model can switch its reasoning on and off (thinkingOf: 'switchable'). */
  @property({ type: Boolean }) switchable = false;

  override render() {
    const { temperature, maxTokens, thinking } = this.settings;
    return html`<label
        >Temperature <output>${temperature.toFixed(1)}</output>
        <input
          type="range"
          min="0"
          max="2"
          step="0.1"
          .value=${String(temperature)}
          @input=${(e: Event) => this.change({ temperature: Number(valueOf(e)) })}
      /></label>
      <label
        >Max tokens
        <input
          type="number"
          min="16"
          max="4096"
          step="16"
          .value=${String(maxTokens)}
          @change=${(e: Event) =>
            this.change({
              maxTokens: Math.max(16, Number(valueOf(e)) || DEFAULT_ANSWER_SETTINGS.maxTokens),
            })}
      /></label>
      ${
        this.switchable
          ? html`<label class="check"
              ><input
                type="checkbox"
                .checked=${thinking}
                @change=${(e: Event) =>
                  this.change({ thinking: (e.target as HTMLInputElement).checked })}
              />
              Thinking (reasons before answering)</label
            >`
          : nothing
      }`;
  }

  private change(part: Partial<AnswerSettings>): void {
    const detail = { ...this.settings, ...part };
    this.dispatchEvent(new CustomEvent<AnswerSettings>('settings-change', { detail }));
  }
}

const valueOf = (event: Event): string => (event.target as HTMLInputElement).value;

declare global {
  interface HTMLElementTagNameMap {
    'quorum-answer-settings': QuorumAnswerSettings;
  }
}
