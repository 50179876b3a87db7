// The fusion studio at /studio: pick a pool, a judge and a mode, see the plan, run, watch columns stream, read the trace.
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../models/download/quorum-download-progress.js';
import { usableMB } from '../models/gpu/plan-gpu-memory.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import { thinkingOf } from '../models/list/thinking.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { RECORDED_REPLAY_PACE, randomRecordedQuestion } from '../models/list/recorded-models.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { RunStore } from './history/run-store.js';
import { runStoreContext } from './history/run-store-context.js';
import { modelStatsContext } from './measure/model-stats-context.js';
import type { ModelStatsStore } from './measure/model-stats-store.js';
import './measure/quorum-lab-link.js';
import { warmMarkdown } from '../ui/markdown/render-markdown.js';
import './studio/quorum-member-column.js';
import './studio/quorum-mode-picker.js';
import type { ModeChange } from './studio/quorum-mode-picker.js';
import './studio/quorum-plan-summary.js';
import './studio/quorum-pool-picker.js';
import type { PoolChange } from './studio/quorum-pool-picker.js';
import './studio/quorum-studio-prompt.js';
import './studio/quorum-studio-run.js';
import './studio/quorum-studio-turns.js';
import { RunInView } from './studio/run-in-view.js';
import { StudioRunner } from './studio/studio-runner.js';
import { StudioSetupController } from './studio/studio-setup-controller.js';
import { stallOptionsFromUrl } from './core/stall-url-options.js';
import { suggestMode } from './studio/studio-setup.js';
import { studioStyles } from './studio/studio-styles.js';

/**
 * `<quorum-studio-view>`: The fusion studio at /studio: pick a pool, a judge and a mode, see the plan, run,
 * watch columns stream, read the trace. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-studio-view')
export class QuorumStudioView extends LitElement {
  static override styles = [sharedStyles, studioStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @consume({ context: runStoreContext, subscribe: true })
  @state()
  private runs: RunStore | undefined;

  @consume({ context: modelStatsContext, subscribe: true })
  @state()
  private stats: ModelStatsStore | undefined;

  @state() private prompt = '';
  private appliedPrompt: string | null = null;
  private readonly setup = new StudioSetupController(this);
  private readonly runner = new StudioRunner(this, this.setup, () => ({
    registry: this.registry,
    runs: this.runs,
    stats: this.stats,
  }));
  private readonly studio = this.runner.studio;
  /** Opened with a `prompt` parameter: the prompt and Run in view, the focus on Run, once laid out. */
  private readonly runInView = new RunInView(this, () => this.setupShown());

  override connectedCallback(): void {
    super.connectedCallback();
    // While the visitor picks a pool, not in the frame where the first answer finishes.
    warmMarkdown();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const fromQuery = this.query.get('prompt');
    if (changed.has('query') && fromQuery !== null && fromQuery !== this.appliedPrompt) {
      this.appliedPrompt = fromQuery;
      this.setPrompt(fromQuery);
    }
    // `thinking=off` (the landing's demo): models that can reason start without, until switched on.
    if (changed.has('query') && this.query.get('thinking') === 'off')
      this.setup.startWithThinkingOff();
    if (changed.has('query')) this.setup.limits = stallOptionsFromUrl(this.query);
    if (changed.has('registry')) this.setup.watch(this.registry);
  }

  /** "Download all" shows its progress below its button: on a phone that may be off screen. */
  private downloadsShown = false;

  protected override updated(): void {
    const list = this.renderRoot.querySelector('.downloads');
    const first = list?.querySelector('quorum-download-progress');
    if (this.runner.downloadingAll && list && first && !this.downloadsShown) {
      // Once per press, so the visitor can scroll away while it runs; once the bar has its height.
      this.downloadsShown = true;
      void first.updateComplete.then(() => list.scrollIntoView({ block: 'nearest' }));
    }
    if (!this.runner.downloadingAll) this.downloadsShown = false;
  }

  /** The set-up above Run is laid out: the engine the URL asks for, its models and their plan. */
  private setupShown(): string | null {
    const engine = this.query.get('engine') === 'sim' ? 'sim' : this.registry?.engineMode;
    const planned = this.setup.poolIds.length === 0 || this.setup.plan !== null;
    const shown = this.registry?.engineMode === engine && this.setup.models.length > 0 && planned;
    return shown ? this.appliedPrompt : null;
  }

  private setPrompt(prompt: string): void {
    // The mode picker suggests a mode for it; the mode itself changes only when the visitor picks one.
    this.prompt = prompt;
  }

  private onPoolChange(event: CustomEvent<PoolChange>): void {
    const detail = event.detail;
    this.runner.problem = null;
    if ('poolIds' in detail) this.setup.setPool(detail.poolIds);
    else if ('thinking' in detail)
      this.setup.setThinking(detail.thinking.modelId, detail.thinking.on);
    else if ('judgeThinking' in detail) this.setup.setJudgeThinking(detail.judgeThinking);
    else this.setup.setJudge(detail.judgeId);
  }

  private onModeChange(event: CustomEvent<ModeChange>): void {
    const detail = event.detail;
    if ('mode' in detail) this.setup.chooseMode(detail.mode);
    else this.setup.setSettings(detail.settings);
  }

  private async run(): Promise<void> {
    const asked = this.prompt;
    const record = await this.runner.run(asked);
    // Cleared only if it still holds the question run: what was typed during the run is kept.
    if (record?.status === 'done' && this.prompt === asked) this.prompt = '';
  }

  override render() {
    if (!this.registry)
      return html`<h1 tabindex="-1">Fusion studio</h1>
        <p>Models are not available yet: the model registry has not started.</p>`;
    const simulatedMode = this.registry.engineMode === 'sim';
    const missing = this.setup.models.filter((m) => !m.downloaded);
    const judgeId = this.setup.effectiveJudgeId();
    return html`<h1 tabindex="-1">Fusion studio</h1>
      <p class="intro">
        Ask several models at once, in this browser or on servers you add, and fuse their answers,
        with the decision shown.
        ${
          simulatedMode
            ? html`<strong>Simulated mode:</strong> models named Simulated make up their answers and
                speeds, to try the studio without a GPU.`
            : nothing
        }
      </p>
      <section class="setup" aria-labelledby="setup-heading">
        <h2 id="setup-heading">Set-up</h2>
        ${
          this.setup.models.every((m) => m.engine === 'recorded')
            ? html`<p>
                No models are downloaded yet. Download some on the
                <a href="/models">models page</a>, try the studio with simulated models:
                <a href=${this.simulatedHref()}>simulated mode</a>, or fuse the recorded models
                below.
              </p>`
            : nothing
        }
        ${
          simulatedMode && (missing.length > 0 || this.runner.downloadAllNote !== null)
            ? html`<div class="download-all">
                ${
                  missing.length > 0
                    ? html`<button
                        class="secondary"
                        ?disabled=${this.runner.busy}
                        @click=${() => void this.runner.downloadMissing()}
                      >
                        Download all simulated models
                      </button>`
                    : nothing
                }
                <p class="muted" role="status">${this.runner.downloadAllStatus}</p>
              </div>`
            : nothing
        }
        ${this.renderDownloads()}
        <quorum-pool-picker
          .models=${this.setup.models}
          .poolIds=${this.setup.poolIds}
          .judgeId=${this.setup.judgeId}
          .judgeRole=${this.setup.mode === 'best-of' ? 'Judge' : this.setup.mode === 'merge' ? 'Aggregator' : null}
          .strongestLabel=${judgeId && this.setup.judgeId === null ? this.setup.label(judgeId) : ''}
          .unfit=${this.setup.unfit}
          .usableMB=${this.setup.budget ? usableMB(this.setup.budget.budgetMB) : null}
          .thinkingOff=${this.setup.thinkingOff}
          .judgeThinking=${this.setup.judgeThinking}
          .judgeSwitchable=${judgeId !== null && thinkingOf(judgeId) === 'switchable'}
          .endpoints=${this.registry?.remote.endpoints}
          @pool-change=${this.onPoolChange}
        ></quorum-pool-picker>
        ${this.renderRecordedNote()}
        <quorum-mode-picker
          .mode=${this.setup.mode}
          .suggested=${this.prompt.trim() ? suggestMode(this.prompt) : null}
          .settings=${this.setup.settings}
          .unavailable=${this.setup.unavailableModes()}
          @mode-change=${this.onModeChange}
        ></quorum-mode-picker>
        <quorum-plan-summary
          .plan=${this.setup.plan}
          .budget=${this.setup.budget}
          .label=${this.setup.label}
        ></quorum-plan-summary>
      </section>
      <quorum-studio-turns .turns=${this.studio.earlierTurns}></quorum-studio-turns>
      <quorum-studio-prompt
        .prompt=${this.prompt}
        ?running=${this.studio.running}
        ?busy=${this.runner.busy}
        .followUpTo=${this.studio.history.filter((m) => m.role === 'user').at(-1)?.content ?? ''}
        .problem=${this.runner.problem ?? (this.studio.saveError ? { text: this.studio.saveError } : null)}
        .status=${this.runner.status()}
        @prompt-input=${(event: CustomEvent<string>) => this.setPrompt(event.detail)}
        @prompt-run=${() => void this.run()}
        @prompt-stop=${() => this.studio.stop()}
        @new-conversation=${() => this.studio.newConversation()}
      ></quorum-studio-prompt>
      <quorum-studio-run
        .live=${this.studio.live}
        .record=${this.studio.record}
        ?running=${this.studio.running}
        .now=${Date.now()}
        @skip-member=${(event: CustomEvent<string>) => this.studio.skip(event.detail)}
      ></quorum-studio-run>
      <section aria-labelledby="measure-heading">
        <h2 id="measure-heading">Does fusion help on this device?</h2>
        <quorum-lab-link .poolIds=${this.setup.poolIds} .mode=${this.setup.mode}></quorum-lab-link>
      </section>`;
  }

  /** This page in simulated mode, keeping its prompt: the switch happens at once, without a reload. */
  private simulatedHref(): string {
    const query = new URLSearchParams(this.query);
    query.set('engine', 'sim');
    return `/studio?${query.toString()}`;
  }

  /** Recorded models answer GSM8K's test questions only: say so, and offer one to ask. */
  private renderRecordedNote() {
    if (!this.setup.models.some((m) => m.engine === 'recorded')) return nothing;
    return html`<p class="intro">
      Models marked (recorded) replay real answers from OpenAI’s GSM8K release (Cobbe et al. 2021,
      MIT licence): they answer only its 1,319 test questions, word for word (so Vote asks a pool of
      them once each), and cannot judge, merge or debate. They all stream at one made-up pace
      (${RECORDED_REPLAY_PACE.tokensPerSecond} tokens per second): the recordings carry no timing.
      This button makes them the pool, in place of the others, and asks one of those questions.
      <button type="button" class="secondary" @click=${() => this.askRecorded()}>
        Ask a GSM8K question
      </button>
    </p>`;
  }

  /** "Ask a GSM8K question": the recorded models' question, so they become the pool. */
  private askRecorded(): void {
    void this.runner.askRecorded(randomRecordedQuestion, (question) => this.setPrompt(question));
  }

  /** Downloads in flight from any page, with their progress and Cancel. */
  private renderDownloads() {
    const active = this.runner.downloads.active;
    if (active.length === 0) return nothing;
    return html`<ul class="downloads" aria-label="Downloads">
      ${active.map(
        ([id, download]) =>
          html`<li>
            <quorum-download-progress
              .label=${`Downloading ${this.setup.label(id)}`}
              .progress=${download.progress}
              named
              cancellable
              @download-cancel=${() => this.runner.downloads.cancel(id)}
            ></quorum-download-progress>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-studio-view': QuorumStudioView;
  }
}
