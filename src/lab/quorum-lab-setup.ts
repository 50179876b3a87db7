// The lab's set-up form: task set and subset, the pool, the fusion modes, the replay speed; imports files too.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FusionMode } from '../fusion/modes/trace.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { LabOffer, LabSetup } from './lab-controller.js';
import { labStyles } from './lab-styles.js';
import { MODE_NAMES } from './results/lab-outcomes.js';
import type { ReplaySpeed } from './run/lab-records.js';
import { cannotAnswer } from './run/pool-check.js';
import type { TaskSetId } from './tasks/task-set.js';

/** A task set the form offers: shipped ones, and the visitor's imported files. */
export interface TaskSetOption {
  id: TaskSetId;
  name: string;
  size: number | null;
}

const MODES: FusionMode[] = ['vote', 'best-of', 'merge', 'debate'];
const MAX_POOL = 6;
/** A set of at most this many questions runs whole: a subset of a handful would measure next to nothing. */
const SUBSET_ABOVE = 20;

/** Where a model on offer answers from, in the visitor's words. */
function offerMeta(offer: LabOffer): string {
  if (offer.recorded) return `Recorded answers: ${offer.source ?? ''}`;
  if (offer.simulated)
    return `Simulated: made-up answers${offer.downloaded === false ? ' · not downloaded yet: a simulated download runs first' : ''}`;
  if (offer.runsOn?.kind === 'endpoint') return `Runs on ${offer.runsOn.name}`;
  if (offer.runsOn?.kind === 'browser') return 'Chrome’s built-in model, on this device';
  return 'Runs on this device';
}

/**
 * `<quorum-lab-setup>`: The lab's set-up form: task set and subset, the pool, the fusion modes, the replay
 * speed; imports files too. Properties: `offers`, `taskSets`, `initialPool`, `disabled`. Fires `lab-start`.
 */
@customElement('quorum-lab-setup')
export class QuorumLabSetup extends LitElement {
  static override styles = [sharedStyles, labStyles];

  @property({ attribute: false }) offers: LabOffer[] = [];
  @property({ attribute: false }) taskSets: TaskSetOption[] = [];
  /** The pool to start with (the studio's, from the URL); the first four offers otherwise. */
  @property({ attribute: false }) initialPool: string[] | null = null;
  @property({ type: Boolean }) disabled = false;

  @state() private taskSetId: TaskSetId = 'gsm8k-test';
  @state() private whole = false;
  @state() private size = 50;
  @state() private seed = 1;
  @state() private poolIds: string[] | null = null;
  @state() private modes: FusionMode[] = ['vote'];
  @state() private replay: ReplaySpeed = 'instant';
  @state() private problem: string | null = null;

  /** The offers that can answer the chosen task set (recorded GSM8K models answer GSM8K only). */
  private get runnable(): LabOffer[] {
    return this.offers.filter((o) => cannotAnswer(o, this.taskSetId) === null);
  }

  /** The pool picked, without the models that cannot answer the chosen task set (they come back with it). */
  private get pool(): string[] {
    const known = new Set(this.runnable.map((o) => o.id));
    return this.wanted.filter((id) => known.has(id));
  }

  /** The visitor's picks, whatever the task set: the studio's pool or the first four offers until they pick. */
  private get wanted(): string[] {
    return this.poolIds ?? this.initialPool ?? this.runnable.slice(0, 4).map((o) => o.id);
  }

  /** Whether a seeded subset applies to the chosen set: not to a small one (the quick set's six). */
  private get subsetApplies(): boolean {
    const size = this.taskSets.find((set) => set.id === this.taskSetId)?.size ?? null;
    return size === null || size > SUBSET_ABOVE;
  }
  /** Changes the task set and keeps the picks: the new set's default pool never replaces them. */
  private chooseTaskSet(id: TaskSetId): void {
    this.poolIds = this.wanted;
    this.taskSetId = id;
  }

  override render() {
    const pool = this.pool;
    const recorded = this.offers.filter((o) => pool.includes(o.id) && o.recorded);
    const onlyRecorded = pool.length > 0 && recorded.length === pool.length;
    // Picks the chosen task set cannot run: left out of the pool, and named with the reason.
    const leftOut = this.offers.filter(
      (o) => this.wanted.includes(o.id) && cannotAnswer(o, this.taskSetId),
    );
    return html`<form
      @submit=${(event: Event) => {
        event.preventDefault();
        this.submit();
      }}
    >
      <fieldset>
        <legend>Task set</legend>
        <ul class="choices">
          ${this.taskSets.map(
            (set) =>
              html`<li>
                <label>
                  <input
                    type="radio"
                    name="task-set"
                    .checked=${this.taskSetId === set.id}
                    @change=${() => this.chooseTaskSet(set.id)}
                  />
                  <span
                    >${set.name}<span class="meta"
                      >${set.size === null ? '' : `${set.size} questions`}</span
                    ></span
                  >
                </label>
              </li>`,
          )}
        </ul>
        <div class="row" ?hidden=${!this.subsetApplies}>
          <label class="inline"
            ><input
              type="radio"
              name="subset"
              .checked=${!this.whole}
              @change=${() => (this.whole = false)}
            />A seeded random subset</label
          >
          <label class="inline"
            ><input
              type="radio"
              name="subset"
              .checked=${this.whole}
              @change=${() => (this.whole = true)}
            />Every question</label
          >
        </div>
        <div class="row" ?hidden=${this.whole || !this.subsetApplies}>
          <label for="size">Questions</label>
          <input
            id="size"
            type="number"
            min="1"
            max="20000"
            .value=${String(this.size)}
            @input=${(e: Event) => (this.size = Number((e.target as HTMLInputElement).value))}
          />
          <label for="seed">Seed</label>
          <input
            id="seed"
            type="number"
            min="0"
            .value=${String(this.seed)}
            @input=${(e: Event) => (this.seed = Number((e.target as HTMLInputElement).value))}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Pool (${pool.length} of at most ${MAX_POOL})</legend>
        ${
          this.offers.length === 0
            ? html`<p class="note">
                No models yet: download some on the <a href="/models">models page</a>.
              </p>`
            : nothing
        }
        ${
          leftOut.length > 0
            ? html`<p class="note" data-testid="left-out">
                Left out for this task set: ${leftOut.map((o) => o.label).join(', ')}. They answer
                only the GSM8K test questions, and come back with that task set.
              </p>`
            : nothing
        }
        <ul class="choices">
          ${this.offers.map((offer) => {
            const checked = pool.includes(offer.id);
            const unable = cannotAnswer(offer, this.taskSetId);
            return html`<li>
              <label>
                <input
                  type="checkbox"
                  .checked=${checked}
                  ?disabled=${unable !== null || (!checked && pool.length >= MAX_POOL)}
                  @change=${(e: Event) => this.toggle(offer.id, (e.target as HTMLInputElement).checked)}
                />
                <span
                  >${offer.label}<span class="meta">${offerMeta(offer)}</span
                  >${unable ? html`<span class="meta">${unable}</span>` : nothing}</span
                >
              </label>
            </li>`;
          })}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Fusion modes (besides each model alone)</legend>
        <ul class="choices">
          ${MODES.map(
            (mode) =>
              html`<li>
                <label>
                  <input
                    type="checkbox"
                    .checked=${this.modes.includes(mode)}
                    @change=${(e: Event) => this.toggleMode(mode, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${MODE_NAMES[mode]}</span>
                </label>
              </li>`,
          )}
        </ul>
        ${
          recorded.length > 0
            ? html`<p class="note">
                Recorded models can only replay their answers, so with them only vote can decide:
                best-of, merge and debate need models that judge or revise, and fail on recorded
                ones.${onlyRecorded ? ' Vote asks each recorded model once (its answer never varies).' : ''}
              </p>`
            : nothing
        }
      </fieldset>
      ${
        recorded.length > 0
          ? html`<fieldset>
              <legend>Replay of recorded answers</legend>
              <div class="row">
                <label class="inline"
                  ><input
                    type="radio"
                    name="replay"
                    .checked=${this.replay === 'instant'}
                    @change=${() => (this.replay = 'instant')}
                  />As fast as possible</label
                >
                <label class="inline"
                  ><input
                    type="radio"
                    name="replay"
                    .checked=${this.replay === 'realistic'}
                    @change=${() => (this.replay = 'realistic')}
                  />At a realistic speed</label
                >
              </div>
              <p class="note">
                Seconds per right answer then measure the replay on this device, not the original
                models.
              </p>
            </fieldset>`
          : nothing
      }
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <button type="submit" ?disabled=${this.disabled}>Start run</button>
    </form>`;
  }

  private toggle(id: string, on: boolean): void {
    const pool = this.pool.filter((p) => p !== id);
    this.poolIds = on ? [...pool, id] : pool;
  }

  private toggleMode(mode: FusionMode, on: boolean): void {
    const others = this.modes.filter((m) => m !== mode);
    this.modes = on ? MODES.filter((m) => m === mode || others.includes(m)) : others;
  }

  private submit(): void {
    const pool = this.pool;
    this.problem =
      pool.length < 1
        ? this.runnable.length < this.offers.length
          ? 'Pick at least one model that can answer this task set: the recorded models answer only the GSM8K test questions.'
          : 'Pick at least one model.'
        : this.modes.length > 0 && pool.length < 2
          ? 'Fusion needs at least two models in the pool.'
          : this.subsetApplies && !this.whole && !(Number.isInteger(this.size) && this.size >= 1)
            ? 'The number of questions must be a whole number of at least 1.'
            : this.subsetApplies && !this.whole && !(Number.isInteger(this.seed) && this.seed >= 0)
              ? 'The seed must be a whole number, 0 or more.'
              : null;
    if (this.problem) return;
    const setup: LabSetup = {
      taskSetId: this.taskSetId,
      subset: this.whole || !this.subsetApplies ? null : { size: this.size, seed: this.seed },
      poolIds: pool,
      modes: this.modes,
      replay: this.replay,
    };
    this.dispatchEvent(
      new CustomEvent<LabSetup>('lab-start', { detail: setup, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-setup': QuorumLabSetup;
  }
}
