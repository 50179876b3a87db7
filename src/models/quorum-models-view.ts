// The model manager at /models: the device, storage, and every model with its fit, download and delete.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import '../ui/quorum-error-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { showToast } from '../ui/toast-event.js';
import { visitorMessage } from '../shared/errors.js';
import { foldPanels } from './fold-panels.js';
import { navigate } from '../ui/navigate.js';
import {
  ENGINE_SWITCH_EVENT,
  ENGINE_URL_PARAM,
  withEngineParam,
  type EngineMode,
} from './list/engine-mode.js';
import {
  NO_FILTERS,
  familiesOf,
  filterModels,
  fitOf,
  fitsFirst,
  type ModelFilters,
} from './model-filter.js';
import { modelRegistryContext } from './model-registry-context.js';
import { modelRatingsContext, type ModelRatings } from './model-ratings-context.js';
import type { ModelRegistry } from './model-registry.js';
import type { ModelActionDetail } from './quorum-model-card.js';
import type { UnlistedFile } from './download/download-cache.js';
import './gpu/quorum-device-panel.js';
import './quorum-model-card.js';
import './quorum-model-filters.js';
import './quorum-model-storage.js';
import './builtin/quorum-builtin-model.js';

/** `<quorum-models-view>`: the model manager at /models (routed: the router sets `params`, `query`). */
@customElement('quorum-models-view')
export class QuorumModelsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: grid;
        gap: 1rem;
        grid-template-columns: 1fr;
        margin-bottom: 1.25rem;
      }
      @media (min-width: 900px) {
        .top {
          grid-template-columns: 2fr 1fr;
          align-items: start;
        }
      }
      .sim-banner {
        padding: 0.75rem 1rem;
        border-left: 4px solid var(--q-accent);
        background: var(--q-warning-bg);
        margin-bottom: 1rem;
      }
      .sim-banner p {
        margin: 0;
      }
      h2 {
        font-size: 1.25rem;
        margin: 0 0 0.5rem;
      }
      ul.grid {
        list-style: none;
        padding: 0;
        margin: 1rem 0 0;
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      }
      .count {
        margin: 0.5rem 0 0;
      }
      details.panels > summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.5rem 0;
      }
      quorum-builtin-model {
        margin-bottom: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  /** Arena ratings, lent by the shell; absent in tests that mount the view alone. */
  @consume({ context: modelRatingsContext, subscribe: true })
  @state()
  private ratingSource: ModelRatings | undefined;

  @state() private filters: ModelFilters = NO_FILTERS;
  /** Wide screens show the panels beside each other; phones fold them (see renderPanels). */
  private readonly wide = matchMedia('(min-width: 900px)').matches;

  private readonly revision = new ChangeRevisionController(this, () => this.registry);
  // Progress events only re-render; the data task re-runs on the registry's own 'change'.
  protected readonly downloadRevision = new ChangeRevisionController(
    this,
    () => this.registry?.downloads,
  );

  private readonly data = new Task(this, {
    task: async ([registry]) => {
      if (!registry) return null;
      const [caps, budget, models, stored, modelBytes, unlisted] = await Promise.all([
        registry.capabilities(),
        registry.budget(),
        registry.models(),
        registry.stored(),
        registry.spaceUsed(),
        registry.unlistedFiles(),
      ]);
      return { caps, budget, models, stored, modelBytes, unlisted };
    },
    args: () => [this.registry, this.revision.value] as const,
  });

  private readonly ratings = new Task(this, {
    // No ratings is not an error on this page: the card then simply shows none.
    task: async ([source]) => (source ? await source.ratings().catch(() => null) : null),
    args: () => [this.ratingSource] as const,
  });

  /** The query whose `focus=gpu-budget` was acted on, so the budget is focused once per visit. */
  private focusedFor: URLSearchParams | null = null;

  protected override updated(): void {
    if (this.query.get('focus') !== 'gpu-budget' || this.focusedFor === this.query) return;
    const panel = this.renderRoot.querySelector('quorum-device-panel');
    if (!panel?.budget) return;
    this.focusedFor = this.query;
    // After the shell has focused the page's heading on arrival.
    requestAnimationFrame(() => void panel.focusBudget());
  }

  private async onAction(event: CustomEvent<ModelActionDetail>): Promise<void> {
    const registry = this.registry;
    if (!registry) return;
    const { action, modelId, label } = event.detail;
    switch (action) {
      case 'download': {
        const result = await registry.downloads.start(modelId);
        if (result.ok) showToast(this, `${label} is downloaded.`, 'success');
        return;
      }
      case 'cancel':
        registry.downloads.cancel(modelId);
        return;
      case 'delete':
        if (!confirm(`Delete ${label} from this device?`)) return;
        await registry.remove(modelId);
        showToast(this, `${label} was deleted.`);
        return;
    }
  }

  private async deleteUnlisted(files: readonly UnlistedFile[]): Promise<void> {
    if (!this.registry || !confirm(`Delete ${files.length} files no listed model uses?`)) return;
    await this.registry.deleteUnlistedFiles(files);
    showToast(this, `${files.length} unused files were deleted.`);
  }

  /**
   * The shell saves the choice and swaps the registry at once, no reload. An `engine=` left in the URL
   * would name the old choice on a reload, so it goes.
   */
  private switchTo(mode: EngineMode): void {
    this.dispatchEvent(
      new CustomEvent(ENGINE_SWITCH_EVENT, { detail: mode, bubbles: true, composed: true }),
    );
    const url = new URL(location.href);
    if (!url.searchParams.has(ENGINE_URL_PARAM)) return;
    url.searchParams.delete(ENGINE_URL_PARAM);
    navigate(url.pathname + url.search, { replace: true });
  }

  private readonly useSimulated = (): void => this.switchTo('sim');

  private readonly useReal = (): void => this.switchTo('webllm');

  private async setOverride(mb: number | null): Promise<void> {
    await this.registry?.setBudgetOverride(mb);
  }

  override render() {
    return html`<h1 tabindex="-1">Models</h1>
      ${
        this.registry?.simulated
          ? html`<div class="sim-banner card" role="note" data-testid="sim-banner">
              <p>
                <strong>Simulated mode.</strong> These models are simulated: Quorum makes up their
                answers and figures to test the app. They are not real language models.
                <button class="secondary" @click=${this.useReal}>Use real models</button>
              </p>
            </div>`
          : null
      }
      ${this.data.render({
        initial: () => html`<p>Loading models…</p>`,
        pending: () => (this.data.value ? this.renderData() : html`<p>Loading models…</p>`),
        complete: () => this.renderData(),
        error: (error) =>
          html`<quorum-error-state
            heading="The models could not be listed"
            .message=${visitorMessage(error, 'Reload the page to try again.')}
          ></quorum-error-state>`,
      })}`;
  }

  private renderData() {
    const data = this.data.value;
    const registry = this.registry;
    if (!data || !registry) return html`<p>Loading models…</p>`;
    const { caps, budget, models, stored, modelBytes, unlisted } = data;
    const downloaded = stored.complete;
    const fits = (m: (typeof models)[number]) => fitOf(m, caps, budget);
    const fit = (m: (typeof models)[number]) => fits(m).fits;
    const shown = fitsFirst(filterModels(models, this.filters, fit), fit);
    const { active, errors } = registry.downloads;
    const top = html`<div class="top">
      <quorum-device-panel
        .caps=${caps}
        .budget=${budget}
        ?simulated=${registry.simulated}
        @use-simulated=${this.useSimulated}
        @budget-override=${(e: CustomEvent<number | null>) => void this.setOverride(e.detail)}
      ></quorum-device-panel>
      <quorum-model-storage
        .modelBytes=${modelBytes}
        .unlisted=${unlisted}
        @delete-unlisted=${() => void this.deleteUnlisted(unlisted)}
        ?simulated=${registry.simulated}
        .revision=${this.revision.value}
      ></quorum-model-storage>
    </div>`;
    // Open on a phone when they say something to act on first: no WebGPU, or a link to the budget.
    const open = !caps.adapter || this.query.get('focus') === 'gpu-budget';
    // On a phone the list comes first (issue 10 item 16): Chrome's built-in model follows it there.
    const builtin = html`<quorum-builtin-model
      .builtin=${registry.builtin}
    ></quorum-builtin-model>`;
    return html`${this.wide ? top : foldPanels(top, data, open)} ${this.wide ? builtin : nothing}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">${registry.simulated ? 'Simulated models' : 'Models'}</h2>
        <quorum-model-filters
          .filters=${this.filters}
          .families=${familiesOf(models)}
          @filters-change=${(e: CustomEvent<ModelFilters>) => (this.filters = e.detail)}
        ></quorum-model-filters>
        <p class="count muted" aria-live="polite">
          ${shown.length} of ${models.length} models · ${downloaded.size} downloaded
        </p>
        <ul
          class="grid"
          @model-action=${(e: CustomEvent<ModelActionDetail>) => void this.onAction(e)}
        >
          ${shown.map(
            (model) =>
              html`<li>
                <quorum-model-card
                  .model=${model}
                  .fit=${fits(model)}
                  ?downloaded=${downloaded.has(model.id)}
                  .missing=${stored.incomplete.get(model.id) ?? null}
                  .download=${active.get(model.id) ?? null}
                  .error=${errors.get(model.id) ?? null}
                  .rating=${this.ratings.value?.get(model.id) ?? null}
                  .leaderboardHref=${withEngineParam('/arena/leaderboard', location.search)}
                  .chatHref=${withEngineParam(
                    `/chat?model=${encodeURIComponent(model.id)}`,
                    location.search,
                  )}
                ></quorum-model-card>
              </li>`,
          )}
        </ul>
      </section>
      ${this.wide ? nothing : builtin}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-models-view': QuorumModelsView;
  }
}
