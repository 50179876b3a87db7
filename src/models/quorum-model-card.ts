// One model in the model manager: its facts, whether it fits, whether it is downloaded, and its actions.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ModelRating } from './model-ratings-context.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { Fit } from './model-filter.js';
import type { DownloadState } from './download/downloads-in-flight.js';
import type { RegistryModel } from './list/registry-models.js';
import type { ClassifiedError } from '../shared/errors.js';
import { FILE_KIND_NAMES, type ModelFileKind } from './download/model-files.js';
import { downloadSizeOf, needsConfirmation } from './list/download-size.js';
import { sizeText, type QuorumDownloadConfirm } from './download/quorum-download-confirm.js';
import './download/quorum-download-confirm.js';
import './download/quorum-download-progress.js';
import { countOf } from '../shared/count.js';

/** What a model card's buttons ask for. */
export type ModelAction = 'download' | 'cancel' | 'delete';

/** The detail of 'model-action'. */
export interface ModelActionDetail {
  action: ModelAction;
  modelId: string;
  /** The model's name, for what the page says about the action. */
  label: string;
}

/**
 * `<quorum-model-card>`: One model in the model manager: its facts, whether it fits, whether it is
 * downloaded, and its actions. Properties: `model`, `fit`, `downloaded`, `missing`, `download`, `error`,
 * `chatHref`, `rating`, `leaderboardHref`. Fires `model-action`.
 */
@customElement('quorum-model-card')
export class QuorumModelCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      article {
        padding: 1rem;
        height: 100%;
        display: flex;
        flex-direction: column;
        gap: 0.6rem;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      .id {
        margin: -0.4rem 0 0;
        font-size: 0.8rem;
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.75rem;
        margin: 0;
        font-size: 0.9rem;
      }
      dt {
        color: var(--q-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .badge {
        font-size: 0.8rem;
        font-weight: 600;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        border: 1px solid var(--q-border);
      }
      .yes {
        background: var(--q-success-bg);
        color: var(--q-success);
      }
      .no {
        background: var(--q-danger-bg);
        color: var(--q-danger);
      }
      .sim {
        background: var(--q-warning-bg);
      }
      .actions {
        margin-top: auto;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .note {
        margin: 0;
        font-size: 0.9rem;
      }
      .error {
        color: var(--q-danger);
        margin: 0;
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) model!: RegistryModel;
  @property({ attribute: false }) fit: Fit = { fits: false, why: '' };
  @property({ type: Boolean }) downloaded = false;
  /** Some files are stored but not all: what is missing (e.g. the library after a web-llm upgrade). */
  @property({ attribute: false }) missing: readonly ModelFileKind[] | null = null;
  @property({ attribute: false }) download: DownloadState | null = null;
  @property({ attribute: false }) error: ClassifiedError | null = null;
  /** The chat link, with the engine parameter kept. */
  @property() chatHref = '/chat';
  /** The model's arena rating, when the visitor has voted on it. */
  @property({ attribute: false }) rating: ModelRating | null = null;
  @property() leaderboardHref = '/arena/leaderboard';

  /** Download, after asking when it is large or the model does not fit (download-size.ts says when). */
  private async requestDownload(): Promise<void> {
    const size = downloadSizeOf(this.model);
    if (needsConfirmation(this.model, size, this.fit.fits)) {
      const confirm =
        this.renderRoot.querySelector<QuorumDownloadConfirm>('quorum-download-confirm');
      if (!confirm || !(await confirm.ask())) return;
    }
    this.act('download');
  }

  private act(action: ModelAction): void {
    const detail: ModelActionDetail = { action, modelId: this.model.id, label: this.model.label };
    this.dispatchEvent(new CustomEvent('model-action', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const m = this.model;
    return html`<article class="card" aria-label=${m.label}>
      <h3>${m.label}</h3>
      ${m.label === m.id ? null : html`<p class="id muted"><code>${m.id}</code></p>`}
      <div class="badges">
        ${m.simulated ? html`<span class="badge sim">Simulated</span>` : null}
        <span class="badge ${this.fit.fits ? 'yes' : 'no'}"
          >${this.fit.fits ? 'Fits this device' : 'Does not fit'}</span
        >
        <span class="badge ${this.downloaded ? 'yes' : ''}"
          >${this.downloaded ? 'Downloaded' : this.missing ? 'Incomplete' : 'Not downloaded'}</span
        >
        ${m.base ? html`<span class="badge">Base model</span>` : null}
      </div>
      ${
        m.base
          ? html`<p class="note">
              A base model continues text rather than answering it, so it is not offered for chat or
              fusion.
            </p>`
          : null
      }
      ${
        this.missing && !this.downloaded
          ? html`<p class="note" data-testid="missing-files">
              Missing: ${this.missing.map((kind) => FILE_KIND_NAMES[kind]).join(', ')}. It cannot
              load until these are downloaded.
            </p>`
          : null
      }
      <dl>
        <dt>Family</dt>
        <dd>${m.family}</dd>
        <dt>Parameters</dt>
        <dd>${m.paramsB === null ? 'unknown' : `${m.paramsB} B`}</dd>
        <dt>Quantization</dt>
        <dd>
          ${m.quantization ?? (m.simulated ? 'none (simulated)' : 'unknown')}
          ${
            m.otherVariants.length > 0
              ? html`<span class="muted"
                  >(picked for this GPU over ${m.otherVariants.length} other
                  variant${m.otherVariants.length === 1 ? '' : 's'})</span
                >`
              : null
          }
        </dd>
        <dt>Context</dt>
        <dd>${m.contextWindow === null ? 'model default' : `${m.contextWindow} tokens`}</dd>
        <dt>Download</dt>
        <dd data-testid="download-size">${this.renderSize(m)}</dd>
        <dt>GPU memory</dt>
        <dd>
          about ${Math.round(m.vramMB)} MB
          ${m.simulated ? '(pretend, like the model)' : '(web-llm’s estimate)'}
        </dd>
        <dt>shader-f16</dt>
        <dd>${m.needsShaderF16 ? 'needed' : 'not needed'}</dd>
        <dt>Fits</dt>
        <dd>${this.fit.fits ? 'Yes' : 'No'}: ${this.fit.why}</dd>
        ${this.rating ? this.renderRating(this.rating) : null}
      </dl>
      ${this.error ? html`<p class="error" role="alert">${this.error.message}</p>` : null}
      ${
        this.download
          ? html`<quorum-download-progress
              .label=${`Downloading ${m.label}`}
              .progress=${this.download.progress}
              cancellable
              @download-cancel=${() => this.act('cancel')}
            ></quorum-download-progress>`
          : this.renderActions(m)
      }
    </article>`;
  }

  private renderSize(m: RegistryModel) {
    const size = downloadSizeOf(m);
    if (size.mb === 0) return 'nothing to download';
    return html`${sizeText(size)} <span class="muted">(${size.basis})</span>`;
  }

  private renderRating(r: ModelRating) {
    const round = (n: number) => Math.round(n);
    return html`<dt>Arena rating</dt>
      <dd data-testid="arena-rating">
        ${round(r.rating)}
        (${r.tooFewVotes ? 'too few votes for an interval' : `95\u00a0% interval ${round(r.lower)}–${round(r.upper)}`}),
        rank ${r.rank} of ${r.of}, ${countOf(r.battles, 'battle')} ·
        <a href=${this.leaderboardHref}>leaderboard</a>
      </dd>`;
  }

  private renderActions(m: RegistryModel) {
    if (this.downloaded || this.missing) {
      return html`<div class="actions">
        ${
          this.downloaded
            ? m.base
              ? null
              : html`<a class="button" href=${this.chatHref} aria-label=${`Chat with ${m.label}`}
                  >Chat</a
                >`
            : html`<button
                aria-label=${`Download the missing files of ${m.label}`}
                @click=${() => this.act('download')}
              >
                Download the missing files
              </button>`
        }
        <button
          class="secondary"
          aria-label=${`Delete ${m.label}`}
          @click=${() => this.act('delete')}
        >
          Delete
        </button>
      </div>`;
    }
    return html`<div class="actions">
      <button aria-label=${`Download ${m.label}`} @click=${() => void this.requestDownload()}>
        ${m.simulated ? 'Download (simulated)' : 'Download'}
      </button>
      <quorum-download-confirm
        .label=${m.label}
        .size=${downloadSizeOf(m)}
        .fit=${this.fit}
      ></quorum-download-confirm>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-model-card': QuorumModelCard;
  }
  interface HTMLElementEventMap {
    'model-action': CustomEvent<ModelActionDetail>;
  }
}
