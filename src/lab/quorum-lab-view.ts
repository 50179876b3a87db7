// The evaluation lab at /lab: does fusion beat the best single model here? Set up, run, resume, read the results.
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { loadPoolOptions } from '../fusion/studio/pool-options.js';
import { PoolDownloads } from '../fusion/studio/pool-downloads.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { modelStatsContext } from '../fusion/measure/model-stats-context.js';
import type { ModelStatsStore } from '../fusion/measure/model-stats-store.js';
import { labStoreContext } from './run/lab-store-context.js';
import type { LabStore } from './run/lab-store.js';
import '../ui/quorum-progress-bar.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { showToast } from '../ui/toast-event.js';
import { LabController, type LabOffer, type LabSetup } from './lab-controller.js';
import { labStyles } from './lab-styles.js';
import './quorum-lab-results.js';
import './quorum-lab-runs.js';
import type { RunAction } from './quorum-lab-runs.js';
import './quorum-lab-setup.js';
import type { TaskSetOption } from './quorum-lab-setup.js';
import { MODE_NAMES } from './results/lab-outcomes.js';
import { importRecordingFile, importTaskFile, type ImportOutcome } from './run/lab-imports.js';
import { onlyTaskSetOf } from './run/pool-check.js';
import type { LabProgress } from './run/run-lab.js';
import { GSM8K_SOURCE } from './tasks/gsm8k.js';
import { QUICK_SET } from './tasks/quick-set.js';

const durationText = (ms: number): string => {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

/**
 * `<quorum-lab-view>`: The evaluation lab at /lab: does fusion beat the best single model here? Set up, run,
 * resume, read the results. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-lab-view')
export class QuorumLabView extends LitElement {
  static override styles = [sharedStyles, labStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @consume({ context: labStoreContext, subscribe: true })
  @state()
  private store: LabStore | undefined;

  @consume({ context: modelStatsContext, subscribe: true })
  @state()
  private stats: ModelStatsStore | undefined;

  @state() private offers: LabOffer[] = [];
  @state() private taskSets: TaskSetOption[] = [];
  @state() private imported: { what: 'tasks' | 'recording'; outcome: ImportOutcome } | null = null;
  private readonly lab = new LabController(this);
  private readonly downloads = new PoolDownloads(this, () => this.registry);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const services = changed.has('registry') || changed.has('store') || changed.has('stats');
    if (services && this.registry && this.store && this.stats) {
      void this.lab
        .watch({ registry: this.registry, store: this.store, stats: this.stats })
        .then(() => this.showFromQuery());
      void this.loadChoices();
    } else if (changed.has('query') && this.registry && this.store) void this.showFromQuery();
  }

  private async showFromQuery(): Promise<void> {
    const runId = this.query.get('run');
    if (runId && runId !== this.lab.shown?.run.id) await this.lab.show(runId);
  }

  private async loadChoices(): Promise<void> {
    const { registry, store } = this;
    if (!registry || !store) return;
    // As the studio offers them: in simulated mode every simulated model (a simulated download runs first).
    const [options, recorded, own] = await Promise.all([
      loadPoolOptions(registry),
      registry.recordedModels(),
      store.ownTaskSets(),
    ]);
    const recordedIds = new Set(recorded.map((m) => m.id));
    const available = options.filter((m) => !recordedIds.has(m.id));
    this.offers = [
      ...recorded.map((m) => ({
        id: m.id,
        label: m.label,
        simulated: false,
        recorded: true,
        source: m.source,
        paramsB: m.paramsB,
        onlyTaskSet: onlyTaskSetOf(m.id),
      })),
      ...available.map((m) => ({
        id: m.id,
        label: m.label,
        simulated: m.simulated,
        recorded: false,
        paramsB: m.paramsB,
        downloaded: m.downloaded,
        ...(m.runsOn ? { runsOn: m.runsOn } : {}),
      })),
    ];
    this.taskSets = [
      { id: 'gsm8k-test', name: 'GSM8K test (grade-school maths)', size: 1319 },
      { id: 'quick', name: QUICK_SET.name, size: QUICK_SET.tasks.length },
      ...own.map((set) => ({ id: set.id, name: `Your file: ${set.name}`, size: set.tasks.length })),
    ];
  }

  /** Downloads the pool's models not on the device yet (simulated ones, as the studio does), then starts. */
  private async start(setup: LabSetup): Promise<void> {
    const missing = this.offers.filter(
      (o) => setup.poolIds.includes(o.id) && o.downloaded === false,
    );
    if (missing.length > 0) {
      const failed = await this.downloads.fetch(missing);
      if (failed) {
        this.lab.problem = failed;
        return this.requestUpdate();
      }
      await this.loadChoices();
    }
    await this.lab.start(setup, this.offers);
  }

  private get initialPool(): string[] | null {
    const pool = this.query.get('pool');
    return pool ? pool.split(',').filter(Boolean) : null;
  }

  private async onRunAction(event: CustomEvent<RunAction>): Promise<void> {
    const { action, runId } = event.detail;
    if (action === 'open') return this.lab.show(runId);
    if (action === 'resume') return this.lab.resume(runId);
    if (!confirm('Delete this lab run and every answer it stored?')) return;
    await this.lab.delete(runId);
    showToast(this, 'Lab run deleted.', 'success');
  }

  /**
   * A task set the installed app was opened with (a `.jsonl` from the desktop, the manifest's
   * file_handlers): the same all-or-nothing import as the Questions file input; the first file is used.
   */
  async importFiles(files: readonly File[]): Promise<void> {
    if (files[0]) await this.importOne('tasks', files[0]);
  }

  private async importFile(what: 'tasks' | 'recording', input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.importOne(what, file);
  }

  private async importOne(what: 'tasks' | 'recording', file: File): Promise<void> {
    if (!this.store) return;
    const outcome =
      what === 'tasks'
        ? await importTaskFile(this.store, file)
        : await importRecordingFile(this.store, file);
    // Said once the choices hold what came in: "Imported" before a recording's models could be
    // picked sent visitors (and a test) looking for models not there yet.
    try {
      if (outcome.ok) await this.loadChoices();
    } finally {
      this.imported = { what, outcome };
    }
  }

  override render() {
    if (!this.registry || !this.store || !this.stats)
      return html`<h1 tabindex="-1">Evaluation lab</h1>
        <p>Starting: the models and the lab's storage are not ready yet.</p>`;
    const live = this.lab.live;
    const shown = this.lab.shown;
    return html`<h1 tabindex="-1">Evaluation lab</h1>
      <p class="intro">
        Does fusion beat the best single model? Ask every question of each model alone and of the
        fusion modes, on this device, and compare them with 95 % intervals. No GPU? The four
        recorded GSM8K models replay real answers, so you can watch fusion decide between them.
      </p>
      <section aria-labelledby="setup-heading">
        <h2 id="setup-heading">New run</h2>
        <quorum-lab-setup
          .offers=${this.offers}
          .taskSets=${this.taskSets}
          .initialPool=${this.initialPool}
          ?disabled=${live !== null || this.downloads.busy !== null}
          @lab-start=${(e: CustomEvent<LabSetup>) => void this.start(e.detail)}
        ></quorum-lab-setup>
        ${this.downloads.busy ? html`<p role="status">${this.downloads.busy}</p>` : nothing}
        ${this.imports()}
      </section>
      ${this.lab.problem ? html`<p class="problem" role="alert">${this.lab.problem}</p>` : nothing}
      ${live ? this.progress(live.progress) : nothing}
      <p class="visually-hidden" role="status">${live ? 'A lab run is in progress.' : ''}</p>
      ${
        shown
          ? html`<section aria-labelledby="results-heading">
              <h2 id="results-heading">Results</h2>
              <quorum-lab-results
                .run=${shown.run}
                .results=${shown.results}
                .tasks=${shown.tasks}
              ></quorum-lab-results>
            </section>`
          : nothing
      }
      ${
        this.lab.runs.length > 0
          ? html`<section aria-labelledby="runs-heading">
              <h2 id="runs-heading">Runs on this device</h2>
              <quorum-lab-runs
                .runs=${this.lab.runs}
                .shownId=${shown?.run.id ?? null}
                .liveId=${live?.runId ?? null}
                @run-action=${(e: CustomEvent<RunAction>) => void this.onRunAction(e)}
              ></quorum-lab-runs>
            </section>`
          : nothing
      }
      <p class="note">
        GSM8K questions and the recorded GPT-3 answers: ${GSM8K_SOURCE}.
        <a href="/eval/LICENSE-gsm8k.txt">Licence</a>.
      </p>`;
  }

  private progress(progress: LabProgress | null) {
    if (!progress)
      return html`<quorum-progress-bar label="Starting the run…"></quorum-progress-bar>`;
    const asking = progress.asking
      ? (MODE_NAMES[progress.asking as keyof typeof MODE_NAMES] ?? progress.asking)
      : 'finishing';
    const eta = progress.etaMs === null ? '' : `, about ${durationText(progress.etaMs)} left`;
    return html`<div class="row" data-testid="lab-progress">
      <quorum-progress-bar
        style="flex: 1 1 20rem"
        label="Question ${progress.question} of ${progress.questions}: ${asking} (${progress.answersIn} of ${progress.answersTotal} answers in${eta})"
        .value=${progress.answersIn}
        .max=${progress.answersTotal}
      ></quorum-progress-bar>
      <button class="secondary" @click=${() => this.lab.stop()}>Stop the run</button>
    </div>`;
  }

  private imports() {
    const imported = this.imported;
    return html`<details ?open=${imported !== null}>
      <summary>Use your own questions or a recording</summary>
      <p class="note">
        Your questions: a JSONL file, one JSON object per line with <code>question</code>,
        <code>answer</code> and optionally <code>choices</code> (2 to 5 texts; the answer is then a
        letter or one of them). A recording: a file from “Export as a recording”, whose models then
        join the pool choices.
      </p>
      <div class="row">
        <label for="task-file">Questions (JSONL)</label>
        <input
          id="task-file"
          type="file"
          accept=".jsonl,.json,.txt,application/jsonl,application/json,text/plain"
          @change=${(e: Event) => void this.importFile('tasks', e.target as HTMLInputElement)}
        />
        <label for="recording-file">Recording (JSON)</label>
        <input
          id="recording-file"
          type="file"
          accept=".json,application/json"
          @change=${(e: Event) => void this.importFile('recording', e.target as HTMLInputElement)}
        />
      </div>
      ${
        imported === null
          ? nothing
          : imported.outcome.ok
            ? html`<p class="ok" role="status">Imported ${imported.outcome.summary}.</p>`
            : html`<div class="problem" role="alert">
                Nothing was imported:
                <ul>
                  ${imported.outcome.problems.map((p) => html`<li>${p}</li>`)}
                </ul>
              </div>`
      }
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-view': QuorumLabView;
  }
}
