// Picks the fusion mode and its options, with one honest line about what each mode can and cannot do.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fieldsetStyles, sharedStyles } from '../../ui/shared-styles.js';
import type { FusionMode } from '../modes/trace.js';
import {
  DEFAULT_MODE_SETTINGS,
  MODES,
  MODE_LABELS,
  MODE_NOTES,
  type ModeSettings,
} from './studio-setup.js';

/** The detail of 'mode-change': a new mode, or new settings for it. */
export type ModeChange = { mode: FusionMode } | { settings: ModeSettings };

/**
 * `<quorum-mode-picker>`: Picks the fusion mode and its options, with one honest line about what each mode
 * can and cannot do. Properties: `mode`, `suggested`, `settings`, `unavailable` (modes offered disabled,
 * with why). Fires `mode-change`.
 */
@customElement('quorum-mode-picker')
export class QuorumModePicker extends LitElement {
  static override styles = [
    sharedStyles,
    fieldsetStyles,
    css`
      :host {
        display: block;
      }
      .modes {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
      }
      .modes label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 2.5rem;
      }
      input[type='radio'] {
        min-height: auto;
        width: 1.1rem;
        height: 1.1rem;
      }
      .note {
        margin: 0.5rem 0;
        max-width: 60rem;
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }
      .options label {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-size: 0.9rem;
      }
      .options input {
        width: 6.5rem;
      }
    `,
  ];

  @property({ attribute: false }) mode: FusionMode = 'vote';
  @property({ attribute: false }) suggested: FusionMode | null = null;
  @property({ attribute: false }) settings: ModeSettings = DEFAULT_MODE_SETTINGS;
  @property({ attribute: false }) unavailable: Partial<Record<FusionMode, string>> = {};

  override render() {
    return html`<fieldset>
      <legend>Mode</legend>
      <div class="modes">
        ${MODES.map((mode) => {
          // Offered, but not to be picked: the visitor sees why (as recorded judges are).
          const why = this.unavailable[mode];
          return html`<label>
            <input
              type="radio"
              name="mode"
              value=${mode}
              .checked=${this.mode === mode}
              ?disabled=${why !== undefined}
              @change=${() => this.emit({ mode })}
            />${MODE_LABELS[mode]}${
              this.suggested === mode ? html` <span class="muted">(suggested)</span>` : nothing
            }${why ? html` <span class="muted">(${why})</span>` : nothing}
          </label>`;
        })}
      </div>
      ${this.renderSuggestion()}
      <p class="note" data-testid="mode-note">${MODE_NOTES[this.mode]}</p>
      <div class="options">${this.options()}</div>
    </fieldset>`;
  }

  /** A suggestion only: the mode changes when the visitor says so, never by itself. */
  private renderSuggestion() {
    const suggested = this.suggested;
    if (!suggested || suggested === this.mode || this.unavailable[suggested]) return nothing;
    return html`<p class="note" data-testid="mode-suggestion">
      ${MODE_LABELS[suggested]} suits this question better than ${MODE_LABELS[this.mode]}.
      <button type="button" class="secondary" @click=${() => this.emit({ mode: suggested })}>
        Use ${MODE_LABELS[suggested]}
      </button>
    </p>`;
  }

  private options() {
    return html`${this.modeOptions()}
    ${this.number('maxTokens', 'Longest answer (tokens)', 16, 8192, 16)}`;
  }

  private modeOptions() {
    switch (this.mode) {
      case 'vote':
        return html`${this.number('samples', 'Samples per model (k)', 1, 8, 1)}
        ${this.number('temperature', 'Temperature', 0, 1.5, 0.1)}`;
      case 'debate':
        return html`${this.number('agents', 'Agents', 2, 6, 1)}
        ${this.number('rounds', 'Rounds after round 0', 1, 4, 1)}`;
      case 'best-of':
      case 'merge':
        return html`${this.number('temperature', 'Temperature', 0, 1.5, 0.1)}`;
    }
  }

  private number(key: keyof ModeSettings, label: string, min: number, max: number, step: number) {
    return html`<label
      >${label}
      <input
        type="number"
        min=${min}
        max=${max}
        step=${step}
        .value=${String(this.settings[key])}
        @change=${(event: Event) => {
          const value = Number((event.target as HTMLInputElement).value);
          if (!Number.isFinite(value)) return;
          const clamped = Math.min(max, Math.max(min, value));
          this.emit({ settings: { ...this.settings, [key]: clamped } });
        }}
    /></label>`;
  }

  private emit(detail: ModeChange): void {
    this.dispatchEvent(new CustomEvent<ModeChange>('mode-change', { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-mode-picker': QuorumModePicker;
  }
}
