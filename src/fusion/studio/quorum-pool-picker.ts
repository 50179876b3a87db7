// Picks the studio's pool (2–6 models) and the judge or aggregator; simulated models are labelled as such.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fieldsetStyles, sharedStyles } from '../../ui/shared-styles.js';
import type { AvailableModel } from '../../models/model-registry.js';
import { thinkingOf } from '../../models/list/thinking.js';
import type { EndpointStore } from '../../models/remote/endpoint-store.js';
import './quorum-pool-servers.js';
import {
  BUDGET_CONTROL,
  MAX_POOL,
  cannotJudgeReason,
  isRecorded,
  type UnfitPick,
} from './studio-setup.js';

/** The detail of 'pool-change': the new pool, judge, or a model's thinking switch. */
export type PoolChange =
  | { poolIds: string[] }
  | { judgeId: string | null }
  | { thinking: { modelId: string; on: boolean } }
  | { judgeThinking: boolean };

/**
 * `<quorum-pool-picker>`: Picks the studio's pool (2–6 models) and the judge or aggregator; simulated models
 * are labelled as such. Properties: `models`, `poolIds`, `judgeId`, `judgeRole`, `strongestLabel`, `unfit`,
 * `usableMB`, `thinkingOff`, `judgeThinking`, `judgeSwitchable`, `endpoints`. Fires `pool-change`.
 */
@customElement('quorum-pool-picker')
export class QuorumPoolPicker extends LitElement {
  static override styles = [
    sharedStyles,
    fieldsetStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
        gap: 0.35rem 1rem;
      }
      li label {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: 400;
        min-height: 2.25rem;
        padding-top: 0.35rem;
      }
      /* A server's or model's name can be one long word: it wraps rather than widening the page. */
      li label > span {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      input[type='checkbox'] {
        min-height: auto;
        width: 1.15rem;
        height: 1.15rem;
        margin-top: 0.15rem;
        flex: none;
      }
      .badge {
        font-size: 0.75rem;
        font-weight: 700;
        padding: 0 0.4rem;
        border-radius: 999px;
        background: var(--q-warning-bg);
        border: 1px solid var(--q-border);
        margin-left: 0.25rem;
      }
      .meta {
        display: block;
        font-size: 0.85rem;
        color: var(--q-muted);
      }
      .unfit {
        color: var(--q-danger);
        font-weight: 600;
      }
      .thinking {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        font-size: 0.85rem;
        min-height: 2rem;
        margin-left: 1.65rem;
      }
      .judge {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.75rem;
        align-items: center;
      }
      /* A select is as wide as its longest option: a long model name must not widen the page. */
      .judge select {
        max-width: 100%;
        min-width: 0;
      }
      /* A select's text cannot wrap: the default's model is named here, where it can. */
      .judge .meta {
        flex: 1 1 12rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) models: AvailableModel[] = [];
  @property({ attribute: false }) poolIds: string[] = [];
  /** null: the strongest model, chosen automatically. */
  @property({ attribute: false }) judgeId: string | null = null;
  /** "Judge" (best-of), "Aggregator" (merge), or null when the mode has none. */
  @property({ attribute: false }) judgeRole: 'Judge' | 'Aggregator' | null = null;
  @property({ attribute: false }) strongestLabel = '';
  /** Offered models too large for the usable GPU memory on their own (the memory plan's rule). */
  @property({ attribute: false }) unfit: UnfitPick[] = [];
  /** The usable GPU memory (MB) the marks refer to. */
  @property({ attribute: false }) usableMB: number | null = null;
  /** Pool members whose reasoning is switched off. */
  @property({ attribute: false }) thinkingOff: ReadonlySet<string> = new Set();
  /** The judge or aggregator reasons; offered only when `judgeSwitchable`. */
  @property({ attribute: false }) judgeThinking = false;
  /** The model that will judge or aggregate can switch its reasoning. */
  @property({ attribute: false }) judgeSwitchable = false;
  /** Where an endpoint added from the picker is saved (absent until the registry starts). */
  @property({ attribute: false }) endpoints: EndpointStore | undefined;

  override render() {
    return html`<fieldset>
        <legend>Pool (${this.poolIds.length} of at most ${MAX_POOL})</legend>
        <ul>
          ${this.models.map((model) => this.option(model))}
        </ul>
        ${
          // The budget link only for models a larger budget could fit: not for those this GPU cannot run.
          this.unfit.some((u) => u.cause !== 'gpu') && this.usableMB !== null
            ? html`<p class="muted" data-testid="unfit-note">
                Models marked “does not fit” need more GPU memory than the
                ${Math.round(this.usableMB)} MB usable here.
                <a href=${BUDGET_CONTROL.href}>${BUDGET_CONTROL.label}</a>
              </p>`
            : nothing
        }
        ${
          this.endpoints
            ? html`<quorum-pool-servers .store=${this.endpoints}></quorum-pool-servers>`
            : nothing
        }
      </fieldset>
      ${this.judgeRole ? this.judgePicker(this.judgeRole) : nothing}`;
  }

  private option(model: AvailableModel) {
    const checked = this.poolIds.includes(model.id);
    const full = !checked && this.poolIds.length >= MAX_POOL;
    const unfit = this.unfit.find((u) => u.id === model.id);
    return html`<li>
      <label>
        <input
          type="checkbox"
          .checked=${checked}
          ?disabled=${full}
          @change=${(event: Event) =>
            this.toggle(model.id, (event.target as HTMLInputElement).checked)}
        />
        <span
          >${model.label}${
            model.simulated && !/simulated/i.test(model.label)
              ? html`<span class="badge">Simulated</span>`
              : nothing
          }${model.runsOn ? html`<span class="badge">${model.runsOn.kind === 'endpoint' ? 'Remote' : 'Built in'}</span>` : nothing}
          <span class="meta">${this.meta(model)}</span>${
            unfit
              ? html`<span class="meta unfit"
                  >${unfit.cause === 'gpu' ? unfit.why : 'Does not fit this device'}</span
                >`
              : nothing
          }</span
        >
      </label>
      ${checked && thinkingOf(model.id) === 'switchable' ? this.thinkingToggle(model) : nothing}
    </li>`;
  }

  /** Reasoning on or off for one switchable pool member (on by default, as the model ships). */
  private thinkingToggle(model: AvailableModel) {
    return html`<label class="thinking">
      <input
        type="checkbox"
        aria-label=${`Thinking for ${model.label}`}
        .checked=${!this.thinkingOff.has(model.id)}
        @change=${(event: Event) =>
          this.emit({
            thinking: { modelId: model.id, on: (event.target as HTMLInputElement).checked },
          })}
      />
      Thinking (reasons before answering: slower, often better)
    </label>`;
  }

  private meta(model: AvailableModel): string {
    const size = model.paramsB === null ? '' : `${model.paramsB}B · `;
    if (model.runsOn?.kind === 'endpoint')
      return `${size}on ${model.runsOn.name}: no GPU memory here`;
    if (model.runsOn?.kind === 'browser') return 'run by Chrome: no GPU memory planned here';
    // A recorded model replays saved text: it has no GPU memory figure to show.
    if (model.engine === 'recorded') return `${size}replays recorded answers`;
    // The figure is GPU memory, not the download's size (the progress bar says that one).
    return `${size}~${Math.round(model.vramMB)} MB GPU memory${model.downloaded ? '' : ' · not downloaded yet: a simulated download runs first'}`;
  }

  private judgePicker(role: 'Judge' | 'Aggregator') {
    return html`<div class="judge">
      <label for="judge">${role}</label>
      <select
        id="judge"
        aria-describedby=${this.judgeId === null ? 'judge-default' : nothing}
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          this.emit({ judgeId: value === '' ? null : value });
        }}
      >
        <option value="" ?selected=${this.judgeId === null}>Strongest in the pool</option>
        ${this.models.map((m) =>
          // Offered, but not to be picked: the visitor sees why a model of the pool is missing.
          isRecorded(m)
            ? html`<option value=${m.id} disabled>${m.label} — ${cannotJudgeReason(role)}</option>`
            : html`<option value=${m.id} ?selected=${this.judgeId === m.id}>${m.label}</option>`,
        )}
      </select>
      ${
        this.judgeId === null
          ? html`<span class="meta" id="judge-default"
              >${
                this.strongestLabel
                  ? `Currently ${this.strongestLabel}.`
                  : 'None yet: pick models for the pool.'
              }</span
            >`
          : nothing
      }
      ${
        this.judgeSwitchable
          ? html`<label class="thinking">
              <input
                type="checkbox"
                .checked=${this.judgeThinking}
                @change=${(event: Event) =>
                  this.emit({ judgeThinking: (event.target as HTMLInputElement).checked })}
              />
              ${role} thinks first (off by default: slower)
            </label>`
          : nothing
      }
    </div>`;
  }

  private toggle(id: string, on: boolean): void {
    const poolIds = on ? [...this.poolIds, id] : this.poolIds.filter((p) => p !== id);
    this.emit({ poolIds });
  }

  private emit(detail: PoolChange): void {
    this.dispatchEvent(new CustomEvent<PoolChange>('pool-change', { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-pool-picker': QuorumPoolPicker;
  }
}
