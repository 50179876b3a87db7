// What the studio's buttons start: checks the pool, downloads what it lacks, then runs it.
import type { ReactiveControllerHost } from 'lit';
import type { ModelRegistry } from '../../models/model-registry.js';
import type { Stages } from '../core/stages.js';
import type { RunRecord } from '../history/run-record.js';
import type { RunStore } from '../history/run-store.js';
import type { ModelStatsStore } from '../measure/model-stats-store.js';
import { errorText } from '../../shared/errors.js';
import { PoolDownloads } from './pool-downloads.js';
import { StudioController } from './studio-controller.js';
import type { StudioSetupController } from './studio-setup-controller.js';
import type { SetupProblem } from './studio-setup.js';

/** The app's services the studio works with, provided through context (undefined until provided). */
export interface StudioServices {
  registry: ModelRegistry | undefined;
  runs: RunStore | undefined;
  stats: ModelStatsStore | undefined;
}

/** A pool that passed its checks and has every model it needs on the device. */
interface PreparedPool {
  judgeId: string | null;
  schedule: Stages;
}

/**
 * What the studio's buttons start: checks the pool (setting `problem` when it cannot run), downloads what it
 * lacks, then runs it through the StudioController.
 */
export class StudioRunner {
  readonly studio: StudioController;
  readonly downloads: PoolDownloads;
  /** Why the last Run or download could not go ahead; null when nothing is wrong. */
  problem: SetupProblem | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly setup: StudioSetupController,
    private readonly services: () => StudioServices,
  ) {
    this.downloads = new PoolDownloads(host, () => this.services().registry);
    this.studio = new StudioController(host, {
      client: (id) => this.ready().registry.client(id),
      store: {
        save: (run) => this.ready().runs.save(run),
        begin: (id) => this.ready().runs.begin(id),
        finish: (id) => this.ready().runs.finish(id),
      },
      accuracy: () => this.ready().stats.accuracy(),
    });
  }

  /** "Ask a GSM8K question" is fetching its question: Run waits, so it asks what the box will show. */
  questionLoading = false;

  /** A run, a download or a question's loading is under way: the buttons that start another wait. */
  get busy(): boolean {
    return this.studio.running || this.downloads.busy !== null || this.questionLoading;
  }

  /**
   * "Ask a GSM8K question": a new conversation (not a follow-up to the last one) with the recorded models
   * as the pool, then `load`'s question handed to `show` for the prompt box; Run waits until then.
   * A failed load sets `problem`; never throws.
   */
  async askRecorded(load: () => Promise<string>, show: (question: string) => void): Promise<void> {
    this.studio.newConversation();
    this.setup.poolRecorded();
    this.problem = null;
    this.questionLoading = true;
    this.host.requestUpdate();
    try {
      show(await load());
    } catch (error) {
      this.problem = { text: `No GSM8K question could be loaded: ${errorText(error)}` };
    } finally {
      this.questionLoading = false;
      this.host.requestUpdate();
    }
  }

  /** Runs `prompt` through the set-up's pool and mode; null when it could not start (see `problem`). */
  async run(prompt: string): Promise<RunRecord | null> {
    if (this.busy || !this.started()) return null;
    if (!prompt.trim()) return this.fail('Write a prompt first.');
    const prepared = await this.prepare();
    if (!prepared) return null;
    return this.studio.run({
      mode: this.setup.mode,
      prompt: prompt.trim(),
      poolIds: this.setup.poolIds,
      judgeId: prepared.judgeId,
      options: this.setup.options(),
      schedule: prepared.schedule,
    });
  }

  /** "Download all simulated models" is under way: its progress is said beside its button. */
  downloadingAll = false;
  /** How the last "Download all" ended, for beside its button; null before it is pressed. */
  downloadAllNote: string | null = null;

  /** Downloads every offered model that is not on the device yet (simulated mode's one-click set-up). */
  async downloadMissing(): Promise<void> {
    if (this.busy) return;
    this.downloadingAll = true;
    this.downloadAllNote = null;
    try {
      const failed = await this.downloads.fetch(this.setup.models.filter((m) => !m.downloaded));
      this.problem = null;
      this.downloadAllNote = failed ?? 'Every simulated model is downloaded.';
    } finally {
      this.downloadingAll = false;
      this.host.requestUpdate();
    }
  }

  /** What to say beside the "Download all" button: the download under way, then how it ended. */
  get downloadAllStatus(): string {
    return (this.downloadingAll ? this.downloads.busy : this.downloadAllNote) ?? '';
  }

  /** The prompt's status line: Run's downloads, the run's phase, then how the run ended. */
  status(): string {
    // "Download all" says its progress beside its button; Run's downloads are said here, by Run.
    if (this.downloads.busy && !this.downloadingAll) return this.downloads.busy;
    if (this.questionLoading) return 'Loading a GSM8K question…';
    const live = this.studio.live;
    if (this.studio.running && live) return `Running: ${live.phaseDetail}`;
    const record = this.studio.record;
    if (record && record.status !== 'running') return `Run ${record.status}.`;
    return '';
  }

  /** Checks the pool and downloads what it needs; null (with `problem` set) when it cannot run. */
  private async prepare(): Promise<PreparedPool | null> {
    const judgeId = this.setup.effectiveJudgeId();
    const problem = this.setup.poolProblem();
    if (problem) return this.fail(problem);
    this.problem = null;
    const needed = this.setup.models.filter(
      (m) => !m.downloaded && (this.setup.poolIds.includes(m.id) || m.id === judgeId),
    );
    const failed = needed.length > 0 ? await this.downloads.fetch(needed) : null;
    if (failed) return this.fail(failed);
    return { judgeId, schedule: this.setup.schedule() };
  }

  private started(): boolean {
    const { registry, runs, stats } = this.services();
    if (registry && runs && stats) return true;
    this.fail('The studio is still starting: try again in a moment.');
    return false;
  }

  private ready(): { registry: ModelRegistry; runs: RunStore; stats: ModelStatsStore } {
    const { registry, runs, stats } = this.services();
    if (!registry || !runs || !stats) throw new Error('The studio is still starting.');
    return { registry, runs, stats };
  }

  private fail(problem: string | SetupProblem): null {
    this.problem = typeof problem === 'string' ? { text: problem } : problem;
    this.host.requestUpdate();
    return null;
  }
}
