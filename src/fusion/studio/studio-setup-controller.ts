// The studio's set-up state: models on offer, the pool, the judge, the mode and its settings, and the memory plan.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BudgetEstimate } from '../../models/gpu/memory-budget.js';
import type { AvailableModel, ModelRegistry } from '../../models/model-registry.js';
import { usableMB, type GpuMemoryPlan } from '../../models/gpu/plan-gpu-memory.js';
import type { FusionOptions } from '../core/options.js';
import type { Stages } from '../core/stages.js';
import type { FusionMode } from '../modes/trace.js';
import { loadPoolOptions } from './pool-options.js';
import { thinkingOf } from '../../models/list/thinking.js';
import {
  DEFAULT_MODE_SETTINGS,
  isRecorded,
  MAX_POOL,
  needsJudge,
  optionsFor,
  CANNOT_DEBATE,
  debateProblem,
  judgeProblem,
  poolProblem,
  poolStages,
  strongestId,
  thinkingOptions,
  type ModeSettings,
  type SetupProblem,
  type UnfitPick,
} from './studio-setup.js';

/**
 * The studio's set-up state (a Lit reactive controller): the models on offer, the pool, the judge, the mode,
 * its settings and thinking switches, and the memory plan; re-renders the host on every change.
 */
export class StudioSetupController implements ReactiveController {
  models: AvailableModel[] = [];
  poolIds: string[] = [];
  /** null: the strongest model, chosen automatically. */
  judgeId: string | null = null;
  mode: FusionMode = 'vote';
  settings: ModeSettings = DEFAULT_MODE_SETTINGS;
  /** Models whose thinking is off (switchable ones think by default, unless started with it off). */
  thinkingOff = new Set<string>();
  /**
   * Set by startWithThinkingOff (`thinking=off` in the URL, as the landing's demo asks): a model is
   * switched off once, when first offered, so the visitor's later choice stands.
   */
  private thinkingStartsOff = false;
  private readonly thinkingOffered = new Set<string>();
  /** Judges and aggregators reason only when the visitor asks: their output is a verdict or a rewrite. */
  judgeThinking = false;
  /** Time limits the page URL sets (`judgeStallMs`, see core/stall-url-options.ts); none by default. */
  limits: Pick<FusionOptions, 'judgeStallMs'> = {};
  plan: GpuMemoryPlan | null = null;
  budget: BudgetEstimate | null = null;
  /** Offered models too large for this device's usable GPU memory on their own, marked before Run. */
  unfit: UnfitPick[] = [];
  private registry: ModelRegistry | null = null;
  /** True once the visitor changed the pool; until then the pool is Quorum's pick for this engine. */
  private poolChosen = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.registry?.removeEventListener('change', this.onChange);
    this.registry = null;
  }

  watch(registry: ModelRegistry | undefined): void {
    if ((registry ?? null) === this.registry) return;
    this.registry?.removeEventListener('change', this.onChange);
    this.registry = registry ?? null;
    this.registry?.addEventListener('change', this.onChange);
    // Quorum's pick for the engine before (the recorded models, when the real engine had nothing
    // downloaded) is no choice of the visitor's: the demo link's switch to simulated mode must get
    // the simulated pool, not keep the recorded one because simulated mode offers it too.
    if (!this.poolChosen) this.poolIds = [];
    void this.refresh();
  }

  setPool(poolIds: string[]): void {
    this.poolChosen = true;
    this.poolIds = poolIds;
    void this.replan();
  }

  /**
   * The recorded models as the whole pool (at most MAX_POOL), every other model out: a GSM8K
   * question is theirs, and a simulated model would only write filler about it.
   */
  poolRecorded(): void {
    this.setPool(
      this.models
        .filter((m) => isRecorded(m))
        .map((m) => m.id)
        .slice(0, MAX_POOL),
    );
  }

  setJudge(judgeId: string | null): void {
    this.judgeId = judgeId;
    void this.replan();
  }

  chooseMode(mode: FusionMode): void {
    this.mode = mode;
    void this.replan();
  }

  setThinking(modelId: string, on: boolean): void {
    const off = new Set(this.thinkingOff);
    if (on) off.delete(modelId);
    else off.add(modelId);
    this.thinkingOff = off;
    this.host.requestUpdate();
  }

  /**
   * Every switchable model on offer, and any offered later, starts with thinking off until the
   * visitor switches it on: a quick look should not wait for reasoning nobody asked for.
   */
  startWithThinkingOff(): void {
    this.thinkingStartsOff = true;
    this.thinkingOff = new Set([...this.thinkingOff, ...switchable(this.models)]);
    this.host.requestUpdate();
  }

  /** Models offered for the first time follow the start's thinking choice; the rest keep theirs. */
  private offerThinking(): void {
    const fresh = this.models.filter((m) => !this.thinkingOffered.has(m.id));
    for (const m of fresh) this.thinkingOffered.add(m.id);
    if (this.thinkingStartsOff && fresh.length > 0)
      this.thinkingOff = new Set([...this.thinkingOff, ...switchable(fresh)]);
  }

  setJudgeThinking(on: boolean): void {
    this.judgeThinking = on;
    this.host.requestUpdate();
  }

  setSettings(settings: ModeSettings): void {
    this.settings = settings;
    this.host.requestUpdate();
  }

  /** The run options of the chosen mode and settings. */
  options(): FusionOptions {
    const judge = needsJudge(this.mode) ? this.judgeThinking : false;
    // A recorded replay answers the same every time: a pool of them votes with one sample each,
    // as the lab does, since more would only repeat the first (and triple the wait).
    const replays =
      this.poolIds.length > 0 &&
      this.poolIds.every((id) => isRecorded(this.models.find((m) => m.id === id)));
    const settings = replays ? { ...this.settings, samples: 1 } : this.settings;
    return {
      ...optionsFor(this.mode, settings),
      ...thinkingOptions(this.poolIds, this.thinkingOff, judge),
      ...this.limits,
    };
  }

  /**
   * Why the pool cannot run as picked (size, a model that does not fit alone, a judge or
   * aggregator that only replays recorded answers, or debate with a recorded member), or null.
   */
  poolProblem(): SetupProblem | null {
    // The offered models' marks count too: a pick made a moment ago may not be planned yet.
    const unfit = [...(this.plan?.unfit ?? []), ...this.unfit];
    const usable = this.plan?.usableMB ?? (this.budget ? usableMB(this.budget.budgetMB) : 0);
    return (
      poolProblem(this.poolIds, unfit, usable, this.label) ??
      judgeProblem(this.mode, this.effectiveJudgeId(), this.models, this.label) ??
      debateProblem(this.mode, this.poolIds, this.models, this.label)
    );
  }

  /** The modes the picker offers disabled, with why: debate while the pool holds a recorded model. */
  unavailableModes(): Partial<Record<FusionMode, string>> {
    const recorded = this.poolIds.some((id) => isRecorded(this.models.find((m) => m.id === id)));
    return recorded ? { debate: CANNOT_DEBATE } : {};
  }

  /** The memory plan's stages, restricted to the pool. */
  schedule(): Stages {
    return poolStages(this.plan?.stages ?? [], this.poolIds);
  }

  /** The judge or aggregator: the visitor's pick, else the strongest model in the pool (never one outside it). */
  effectiveJudgeId(): string | null {
    if (!needsJudge(this.mode)) return null;
    return this.judgeId ?? strongestId(this.models.filter((m) => this.poolIds.includes(m.id)));
  }

  readonly label = (id: string): string => this.models.find((m) => m.id === id)?.label ?? id;

  private readonly onChange = (): void => void this.refresh();

  /** Counts refreshes and plans asked for: only the latest one's answer is kept. */
  private refreshes = 0;
  private plans = 0;

  private async refresh(): Promise<void> {
    const registry = this.registry;
    if (!registry) return;
    const asked = ++this.refreshes;
    const models = await loadPoolOptions(registry);
    const { unfit } = await registry.plan(models.map((m) => m.id));
    // An earlier refresh answered last (it read the list before a download ended), or one of a
    // registry replaced meanwhile (an engine switch), must not overwrite the latest one's models.
    if (registry !== this.registry || asked !== this.refreshes) return;
    this.models = models;
    this.offerThinking();
    this.unfit = unfit;
    const known = new Set(this.models.map((m) => m.id));
    const kept = this.poolIds.filter((id) => known.has(id));
    // A first visit starts with the three smallest models that fit, so Run works at once.
    const fitting = this.models.filter((m) => !this.unfit.some((u) => u.id === m.id));
    this.poolIds = kept.length > 0 ? kept : fitting.slice(0, 3).map((m) => m.id);
    await this.replan();
  }

  private async replan(): Promise<void> {
    const registry = this.registry;
    this.host.requestUpdate();
    if (!registry) return;
    const asked = ++this.plans;
    const judge = this.effectiveJudgeId();
    const ids = judge && !this.poolIds.includes(judge) ? [...this.poolIds, judge] : this.poolIds;
    const [plan, budget] = await Promise.all([
      ids.length > 0 ? registry.plan(ids) : null,
      registry.budget(),
    ]);
    // Two quick picks: the first one's plan may arrive last, and must not stand for the second.
    if (registry !== this.registry || asked !== this.plans) return;
    this.plan = plan;
    this.budget = budget;
    this.host.requestUpdate();
  }
}

function switchable(models: readonly { id: string }[]): string[] {
  return models.filter((m) => thinkingOf(m.id) === 'switchable').map((m) => m.id);
}
