// /models' panel for Chrome's built-in model: its availability, a download started by a click with progress, and where it exists.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import '../../ui/quorum-progress-bar.js';
import { errorText } from '../../shared/errors.js';
import type { BuiltinModels, BuiltinState } from './builtin-models.js';
import { BUILTIN_REQUIREMENTS } from './prompt-api.js';

const STATE_TEXT: Record<BuiltinState, string> = {
  available:
    'Ready. It can join pools, judge and battle in the arena; Chrome runs it on this device, with nothing for Quorum to download.',
  downloadable:
    'This device can run it, but Chrome has not downloaded it yet (a few gigabytes, once, for every site).',
  downloading: 'Chrome is downloading it.',
  unavailable:
    'This browser has the Prompt API, but Chrome says this device cannot run its model (not enough GPU memory, RAM or disk, or turned off by policy).',
  missing: 'This browser has no built-in model.',
};

/**
 * `<quorum-builtin-model>`: /models' panel for Chrome's built-in model: its availability, a download started
 * by a click with progress, and where it exists. Properties: `builtin`.
 */
@customElement('quorum-builtin-model')
export class QuorumBuiltinModel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.35rem;
      }
      p {
        margin: 0.35rem 0;
      }
    `,
  ];

  @property({ attribute: false }) builtin: BuiltinModels | undefined;

  @state() private state: BuiltinState | null = null;
  @state() private failure = '';
  private watched: BuiltinModels | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched?.removeEventListener('change', this.update_);
    this.watched = undefined;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('builtin') || this.builtin === this.watched) return;
    this.watched?.removeEventListener('change', this.update_);
    this.watched = this.builtin;
    this.watched?.addEventListener('change', this.update_);
    void this.read();
  }

  private readonly update_ = (): void => {
    this.requestUpdate();
    if (this.builtin?.progress === null) void this.read();
  };

  private async read(): Promise<void> {
    this.state = (await this.builtin?.state()) ?? null;
  }

  override render() {
    const progress = this.builtin?.progress ?? null;
    const state = progress !== null ? 'downloading' : this.state;
    return html`<section class="card" aria-labelledby="builtin-heading" data-testid="builtin-model">
      <h2 id="builtin-heading">Chrome’s built-in model</h2>
      <p data-testid="builtin-state" data-state=${state ?? 'checking'}>
        ${state ? STATE_TEXT[state] : 'Checking…'}
      </p>
      ${
        state === 'downloadable'
          ? html`<button @click=${this.download}>Download Gemini Nano</button>`
          : nothing
      }
      ${
        progress !== null
          ? html`<quorum-progress-bar
              label=${`Downloading Chrome’s built-in model: ${Math.round(progress * 100)}%`}
              .value=${progress}
              .max=${1}
            ></quorum-progress-bar>`
          : nothing
      }
      ${
        state === 'available'
          ? html`<p class="muted">
              A web page cannot set its sampling (temperature, seed), so repeated samples from it
              are not independent: vote asks it once, and its one answer cannot win on agreement.
            </p>`
          : nothing
      }
      ${
        state === 'missing' || state === 'unavailable'
          ? html`<p class="muted">${BUILTIN_REQUIREMENTS}</p>`
          : nothing
      }
      ${this.failure ? html`<p role="alert">${this.failure}</p>` : nothing}
    </section>`;
  }

  /** Runs in the click's task: Chrome starts the download only after a user gesture. */
  private readonly download = (): void => {
    this.failure = '';
    this.builtin?.download().then(
      () => this.read(),
      (error: unknown) => {
        this.failure = `The download did not finish: ${errorText(error)}. Try again, or see chrome://on-device-internals.`;
        void this.read();
      },
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-builtin-model': QuorumBuiltinModel;
  }
}
