// The arena's contestants: models answering here, or the lab's recorded GSM8K models with the problems they answered.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ModelRegistry } from '../../models/model-registry.js';
import { battleCandidates, recordedCandidates, type BattleCandidate } from './battle-candidates.js';
import {
  initialContestants,
  loneContestants,
  problemsOffered,
  type Contestants,
} from './battle-plan.js';
import { BATTLE_PROMPTS, type BattlePrompt } from './battle-prompts.js';
import { loadRecordedProblems } from './recorded-problems.js';

/** How many GSM8K problems the prompt list offers (a seeded handful of the 1,319). */
const OFFERED = 12;

/** Holds both groups and which one battles; the view renders its fieldset and reads its group. */
export class ArenaContestants {
  /** Models answering here (downloaded, or simulated in simulated mode); null until read. */
  live: BattleCandidate[] | null = null;
  /** The lab's recorded GSM8K models: they battle each other on the problems they answered. */
  recorded: BattleCandidate[] = [];
  chosen: Contestants = 'live';
  /** The GSM8K problems the recorded models answered, once loaded. */
  problems: string[] | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Says why the problems could not be loaded. */
    private readonly onProblem: (message: string) => void,
  ) {}

  /** Reads both groups; `query` may ask for a group (`contestants`) or a pair (`a`, `b`). */
  async read(registry: ModelRegistry, query: URLSearchParams): Promise<void> {
    const [live, recorded] = await Promise.all([
      battleCandidates(registry),
      recordedCandidates(registry).catch(() => []),
    ]);
    const ids = new Set(recorded.map((c) => c.id));
    const pairRecorded = [query.get('a'), query.get('b')].every((id) => id !== null && ids.has(id));
    const counts = { live: live.length, recorded: recorded.length };
    [this.live, this.recorded] = [live, recorded];
    this.choose(initialContestants(counts, query.get('contestants'), pairRecorded));
  }

  choose(contestants: Contestants): void {
    this.chosen = contestants;
    this.host.requestUpdate();
    if (contestants === 'recorded') void this.recordedProblems();
  }

  /** The chosen group's models. */
  get group(): BattleCandidate[] {
    return this.chosen === 'recorded' ? this.recorded : (this.live ?? []);
  }

  /** Enough models for a battle in either group. */
  get enough(): boolean {
    return (this.live?.length ?? 0) >= 2 || this.recorded.length >= 2;
  }

  /** Which models may meet: simulated ones only each other (their badge shows before the vote). */
  kindOf(id: string): string {
    return this.group.find((c) => c.id === id)?.simulated ? 'simulated' : 'live';
  }

  sourceOf(id: string): string | null {
    return this.recorded.find((c) => c.id === id)?.recordedSource ?? null;
  }

  /** The recorded problems, loaded once; null (and the reason said) when they cannot be. */
  async recordedProblems(): Promise<string[] | null> {
    try {
      this.problems ??= await loadRecordedProblems();
      this.host.requestUpdate();
      return this.problems;
    } catch (error) {
      this.onProblem(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  /** The built-in prompts, or for recorded contestants a seeded handful of the problems they answered. */
  prompts(seed: number): readonly BattlePrompt[] {
    if (this.chosen === 'live') return BATTLE_PROMPTS;
    return problemsOffered(this.problems ?? [], OFFERED, seed).map((text) => ({
      kind: 'GSM8K',
      text,
    }));
  }

  /**
   * Said before any battle when a contestant's sampling cannot be set by a web page (Chrome's built-in
   * model): battles ask both sides for temperature 0.7 and a seed, which it ignores, so a battle it
   * repeats on the same prompt is no independent sample. Names the model, never the side.
   */
  samplingNote() {
    const fixed = this.chosen === 'live' ? (this.live ?? []).filter((c) => c.fixedSampling) : [];
    if (fixed.length === 0) return nothing;
    return html`<p class="note" data-testid="sampling-note">
      ${fixed.map((c) => c.label).join(', ')} ${fixed.length === 1 ? 'is' : 'are'} among the
      contestants. A web page cannot set ${fixed.length === 1 ? 'its' : 'their'} sampling
      (temperature, seed): ${fixed.length === 1 ? 'it answers' : 'they answer'} with the browser’s
      own settings, not the battle’s, so a battle repeated on the same prompt is not an independent
      sample.
    </p>`;
  }

  /**
   * Said when a model answering for real is the only one among simulated ones (or the reverse): it
   * never battles, as a simulated side is labelled before the vote, so the visitor learns why.
   */
  loneNote() {
    if (this.chosen !== 'live') return nothing;
    const ids = this.group.map((c) => c.id);
    const lone = loneContestants(ids, (id) => this.kindOf(id));
    if (lone.length === 0) return nothing;
    const labels = this.group.filter((c) => lone.includes(c.id)).map((c) => c.label);
    return html`<p class="note" data-testid="lone-note">
      ${labels.join(', ')} ${labels.length === 1 ? 'has' : 'have'} no opponent here: a simulated
      model never battles one answering for real (its Simulated label would say which is which). Add
      another model from a server, or Chrome’s built-in model, to battle it.
    </p>`;
  }

  /** The choice of group, and what recorded means, said before any battle. */
  render(busy: boolean, modelsHref: string) {
    if (this.recorded.length < 2) return nothing;
    const liveCount = this.live?.length ?? 0;
    const radio = (value: Contestants, label: string, disabled: boolean) =>
      html`<label
        ><input
          type="radio"
          name="contestants"
          .checked=${this.chosen === value}
          ?disabled=${disabled || busy}
          @change=${() => this.choose(value)}
        />
        ${label}</label
      >`;
    return html`<fieldset class="contestants">
        <legend>Contestants</legend>
        ${radio('live', 'Models answering here', liveCount < 2)}
        ${radio('recorded', 'Recorded GSM8K models', false)}
      </fieldset>
      ${
        liveCount < 2
          ? html`<p class="muted">
              Battles between models answering here need two downloaded models (<a
                href=${modelsHref}
                >model manager</a
              >).
            </p>`
          : nothing
      }
      ${
        this.chosen === 'recorded'
          ? html`<p class="note" data-testid="recorded-note">
              Both answers are recorded: the lab’s four GPT-3 models replay their real answers from
              ${this.recorded[0]!.recordedSource}, streamed at a made-up pace. They answered only
              GSM8K’s 1,319 test problems, so the prompt is one of those.
              ${this.problems === null ? 'Loading the problems…' : nothing}
            </p>`
          : nothing
      }`;
  }
}
