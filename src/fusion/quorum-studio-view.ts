// The fusion studio at /studio: pick a pool, a judge and a mode, see the plan, run, watch columns stream, read the trace.
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { warmMarkdown } from './studio/markdown-turns.js';
import { MEASURE_TASKS, summariseMeasure } from './measure/measure-tasks.js';
import { measureFusion } from './measure/measure-fusion.js';
import { addModelScores } from './measure/add-model-scores.js';
import './measure/quorum-measure-panel.js';
import type { MeasureStart } from './measure/quorum-measure-panel.js';
import './studio/quorum-member-column.js';
import './studio/quorum-mode-picker.js';
import type { ModeChange } from './studio/quorum-mode-picker.js';
import './studio/quorum-plan-summary.js';
import './studio/quorum-pool-picker.js';
import type { PoolChange, PoolOption } from './studio/quorum-pool-picker.js';
import './studio/quorum-studio-run.js';
import './studio/quorum-studio-turns.js';
import type { Stages } from './core/stages.js';
import { runStore, studioDatabase } from './history/run-store-instance.js';
import { StudioController } from './studio/studio-controller.js';
import { StudioSetupController } from './studio/studio-setup-controller.js';
import {
  DEFAULT_SETTINGS,
  MODE_LABELS,
  optionsFor,
  poolProblem,
  poolStages,
  suggestMode,
  type ModeSettings,
} from './studio/studio-setup.js';
import { studioStyles } from './studio/studio-styles.js';

@customElement('quorum-studio-view')
export class QuorumStudioView extends LitElement {
  static override styles = [sharedStyles, studioStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @state() private settings: ModeSettings = DEFAULT_SETTINGS;
  @state() private prompt = '';
  @state() private busy: string | null = null;
  @state() private problem: string | null = null;
  private appliedPrompt: string | null = null;
  private readonly setup = new StudioSetupController(this);

  private readonly studio = new StudioController(this, {
    client: (id) => this.requireRegistry().client(id),
    store: {
      save: async (run) => (await runStore()).save(run),
      begin: (id) => void runStore().then((s) => s.begin(id)),
      finish: (id) => void runStore().then((s) => s.finish(id)),
    },
    accuracy: () => this.registry?.accuracy() ?? Promise.resolve({}),
  });

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
    if (changed.has('registry')) this.setup.watch(this.registry);
  }

  private requireRegistry(): ModelRegistry {
    if (!this.registry) throw new Error('The model registry is not available');
    return this.registry;
  }

  private setPrompt(prompt: string): void {
    this.prompt = prompt;
    this.setup.followPrompt(prompt);
  }

  private onPoolChange(event: CustomEvent<PoolChange>): void {
    const detail = event.detail;
    this.problem = null;
    if ('poolIds' in detail) this.setup.setPool(detail.poolIds);
    else this.setup.setJudge(detail.judgeId);
  }

  private onModeChange(event: CustomEvent<ModeChange>): void {
    const detail = event.detail;
    if ('mode' in detail) this.setup.chooseMode(detail.mode);
    else this.settings = detail.settings;
  }

  /** Checks the pool and runs the simulated downloads it needs; null (with a problem shown) when it cannot run. */
  private async prepare(): Promise<{ judgeId: string | null; schedule: Stages } | null> {
    const judgeId = this.setup.effectiveJudgeId();
    this.problem = poolProblem(this.setup.poolIds, this.setup.plan?.unfit.map((m) => m.id) ?? []);
    if (this.problem) return null;
    const needed = this.setup.models.filter(
      (m) => !m.downloaded && (this.setup.poolIds.includes(m.id) || m.id === judgeId),
    );
    if (needed.length > 0 && !(await this.download(needed))) return null;
    return { judgeId, schedule: poolStages(this.setup.plan?.stages ?? [], this.setup.poolIds) };
  }

  private async run(): Promise<void> {
    const prompt = this.prompt.trim();
    if (!this.registry || this.studio.running || this.busy) return;
    if (!prompt) {
      this.problem = 'Write a prompt first.';
      return;
    }
    const prepared = await this.prepare();
    if (!prepared) return;
    const record = await this.studio.run({
      mode: this.setup.mode,
      prompt,
      poolIds: this.setup.poolIds,
      judgeId: prepared.judgeId,
      options: optionsFor(this.setup.mode, this.settings),
      schedule: prepared.schedule,
    });
    if (record?.status === 'done') this.prompt = '';
  }

  private readonly measure: MeasureStart = async (signal, onProgress) => {
    const registry = this.requireRegistry();
    const prepared = await this.prepare();
    if (!prepared) throw new Error(this.problem ?? 'The pool cannot run.');
    const outcomes = await measureFusion({
      tasks: MEASURE_TASKS,
      pool: this.setup.poolIds.map((id) => registry.client(id)),
      judge: prepared.judgeId ? registry.client(prepared.judgeId) : null,
      mode: this.setup.mode,
      options: optionsFor(this.setup.mode, this.settings),
      schedule: prepared.schedule,
      signal,
      onProgress,
    });
    const summary = summariseMeasure(MEASURE_TASKS, outcomes, this.setup.poolIds);
    if (outcomes.length > 0)
      await addModelScores(
        await studioDatabase(),
        summary.singles.map((s) => ({ modelId: s.modelId, ...s.score })),
      );
    return summary;
  };

  private async download(models: readonly PoolOption[]): Promise<boolean> {
    const registry = this.requireRegistry();
    for (const [i, model] of models.entries()) {
      this.busy = `Simulated download ${i + 1} of ${models.length}: ${model.label}…`;
      const result = await registry.download(model.id);
      if (!result.ok) {
        this.busy = null;
        this.problem = `${model.label} could not be downloaded: ${result.error.message}`;
        return false;
      }
    }
    this.busy = null;
    return true;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.run();
    }
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
        Ask several models on this device at once and fuse their answers, with the decision shown.
        ${
          simulatedMode
            ? html`<strong>Simulated mode:</strong> the models below are simulated: their answers
                and speeds are made up, to try the studio without a GPU.`
            : nothing
        }
      </p>
      <section class="setup" aria-labelledby="setup-heading">
        <h2 id="setup-heading">Set-up</h2>
        ${
          this.setup.models.length === 0
            ? html`<p>
                No models are downloaded yet. Download some on the
                <a href="/models">models page</a>, or try the studio with simulated models:
                <a href="/studio?engine=sim">simulated mode</a>.
              </p>`
            : nothing
        }
        ${
          simulatedMode && missing.length > 0
            ? html`<p>
                <button
                  class="secondary"
                  ?disabled=${this.busy !== null}
                  @click=${() => void this.download(missing)}
                >
                  Download all simulated models
                </button>
              </p>`
            : nothing
        }
        <quorum-pool-picker
          .models=${this.setup.models}
          .poolIds=${this.setup.poolIds}
          .judgeId=${this.setup.judgeId}
          .judgeRole=${this.setup.mode === 'best-of' ? 'Judge' : this.setup.mode === 'merge' ? 'Aggregator' : null}
          .strongestLabel=${judgeId && this.setup.judgeId === null ? this.setup.label(judgeId) : ''}
          @pool-change=${this.onPoolChange}
        ></quorum-pool-picker>
        <quorum-mode-picker
          .mode=${this.setup.mode}
          .suggested=${this.prompt.trim() ? suggestMode(this.prompt) : null}
          .settings=${this.settings}
          @mode-change=${this.onModeChange}
        ></quorum-mode-picker>
        <quorum-plan-summary
          .plan=${this.setup.plan}
          .budget=${this.setup.budget}
          .label=${this.setup.label}
        ></quorum-plan-summary>
      </section>
      <quorum-studio-turns .turns=${this.studio.earlierTurns}></quorum-studio-turns>
      <form
        class="ask"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.run();
        }}
      >
        <label for="prompt">Prompt</label>
        <textarea
          id="prompt"
          rows="4"
          .value=${this.prompt}
          aria-describedby=${this.studio.history.length ? 'follow-up-note' : nothing}
          placeholder="What is 17 * 23?"
          @input=${(event: Event) => this.setPrompt((event.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeyDown}
        ></textarea>
        <div class="actions">
          <button type="submit" ?disabled=${this.studio.running || this.busy !== null}>Run</button>
          <button
            type="button"
            class="secondary"
            ?disabled=${!this.studio.running}
            @click=${() => this.studio.stop()}
          >
            Stop
          </button>
          ${
            this.studio.history.length && !this.studio.running
              ? html`<button
                  type="button"
                  class="secondary"
                  @click=${() => this.studio.newConversation()}
                >
                  New conversation
                </button>`
              : nothing
          }
          <span class="muted hint">Ctrl+Enter or ⌘+Enter runs.</span>
          ${
            this.studio.history.length
              ? html`<span class="muted hint" id="follow-up-note"
                  >Follow-up: every model sees the conversation so far, with the fused answers as
                  its own earlier turns.</span
                >`
              : nothing
          }
        </div>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        <p class="status" role="status">${this.statusText()}</p>
      </form>
      <quorum-studio-run
        .live=${this.studio.live}
        .record=${this.studio.record}
        ?running=${this.studio.running}
      ></quorum-studio-run>
      <section aria-labelledby="measure-heading">
        <h2 id="measure-heading">Does fusion help on this device?</h2>
        <quorum-measure-panel
          .start=${this.measure}
          .modeLabel=${MODE_LABELS[this.setup.mode]}
          .label=${this.setup.label}
          ?simulated=${simulatedMode}
          ?disabled=${this.studio.running || this.busy !== null}
        ></quorum-measure-panel>
      </section>`;
  }

  private statusText(): string {
    if (this.busy) return this.busy;
    const live = this.studio.live;
    if (this.studio.running && live) return `Running: ${live.phaseDetail}`;
    const record = this.studio.record;
    if (record && record.status !== 'running') return `Run ${record.status}.`;
    return '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-studio-view': QuorumStudioView;
  }
}
