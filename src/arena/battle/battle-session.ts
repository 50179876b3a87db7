// One blind battle: two models answer the same prompt as "Model A" and "Model B", then the visitor votes.
import { ModelError, type ModelClient, type Usage } from '../../models/model-client.js';
import type { LoadProgress } from '../../models/worker/model-protocol.js';
import { classifyError, type ClassifiedError } from '../../shared/errors.js';
import { seededShuffle } from '../../shared/prng.js';
import { splitModelText } from '../../models/output/split-reasoning.js';
import type { Vote, VoteWinner } from '../rating/vote.js';

/** A battle's model: a registry client that can load with progress and free its memory. */
export interface BattleClient extends ModelClient {
  load?(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<void>;
  unload?(): Promise<void>;
}

/**
 * What a battle needs: clients, the memory planner's verdict on the pair, the vote store, and a clock (ms).
 */
export interface BattleDeps {
  client(modelId: string): BattleClient;
  /** Whether both models fit in GPU memory at once (the planner's verdict); otherwise one at a time. */
  fitTogether(modelIds: readonly [string, string]): Promise<boolean>;
  saveVote(vote: Vote): Promise<void>;
  now?: () => number;
  /** A recorded model's source (its answers are replayed from there); null for a model answering here. */
  recordedSource?: (modelId: string) => string | null;
}

/** Where one side of a battle is. */
export type SideStatus = 'waiting' | 'loading' | 'streaming' | 'done' | 'failed';

/** One side of a battle: its model (named only after the vote), status, streamed text and figures. */
export interface BattleSide {
  modelId: string;
  /** The model's name: shown only once the battle is voted or void. */
  label: string;
  simulated: boolean;
  /** Where a recorded model's answers come from (shown before the vote too: never passed off as live). */
  recordedSource: string | null;
  /** True when the battle could not set its sampling (temperature, seed): said after the vote. */
  fixedSampling: boolean;
  status: SideStatus;
  text: string;
  usage: Usage | null;
  error: ClassifiedError | null;
  /** Loading progress 0..1 while loading. */
  loadFraction: number | null;
}

/** idle → answering → voting → voted; void when a side failed or the visitor stopped it (no vote). */
export type BattlePhase = 'idle' | 'answering' | 'voting' | 'voted' | 'void';

/** Generation settings of every battle: the same for both sides. */
export const BATTLE_SETTINGS = { temperature: 0.7, maxTokens: 512 } as const;

/** Fires 'change' on every delta and state change; a view renders from its fields. */
export class BattleSession extends EventTarget {
  phase: BattlePhase = 'idle';
  prompt = '';
  /** Model A, Model B, in the order shown. */
  sides: [BattleSide, BattleSide] | null = null;
  winner: VoteWinner | null = null;
  /** True when the two models answer one after the other (they do not fit together). */
  sequential = false;
  private abort: AbortController | null = null;

  constructor(private readonly deps: BattleDeps) {
    super();
  }

  get busy(): boolean {
    return this.phase === 'answering';
  }

  /** Names may be shown: after the vote, or once no vote can be cast. */
  get revealed(): boolean {
    return this.phase === 'voted' || this.phase === 'void';
  }

  /**
   * Starts a battle of `pair` on `prompt`; `seed` decides which model is shown as Model A (a seeded
   * shuffle, so a battle can be replayed) and is passed to both models.
   */
  async start(prompt: string, pair: readonly [string, string], seed: number): Promise<void> {
    if (this.busy || prompt.trim() === '' || pair[0] === pair[1]) return;
    const order = seededShuffle(pair, seed);
    const clients = order.map((id) => this.deps.client(id));
    this.prompt = prompt;
    this.winner = null;
    const side = (i: 0 | 1) =>
      sideOf(order[i]!, clients[i]!, this.deps.recordedSource?.(order[i]!) ?? null);
    this.sides = [side(0), side(1)];
    this.phase = 'answering';
    const abort = new AbortController();
    this.abort = abort;
    this.changed();
    this.sequential = !(await this.deps.fitTogether([order[0]!, order[1]!]));
    const run = (index: 0 | 1) => this.answer(index, clients[index]!, seed, abort.signal);
    if (this.sequential) {
      // One model in memory at a time: A answers and is freed, then B loads.
      await run(0);
      await clients[0]!.unload?.();
      if (!abort.signal.aborted) await run(1);
      await clients[1]!.unload?.();
    } else {
      await Promise.all([run(0), run(1)]);
    }
    this.abort = null;
    const failed = this.sides.some((side) => side.status === 'failed');
    this.phase = abort.signal.aborted || failed ? 'void' : 'voting';
    this.changed();
  }

  /** Ends the battle without a vote; what was answered stays visible. */
  stop(): void {
    this.abort?.abort();
  }

  /** Records the visitor's vote (side `a` is Model A) and reveals the names. */
  async cast(winner: VoteWinner): Promise<void> {
    const sides = this.sides;
    if (this.phase !== 'voting' || !sides) return;
    const now = this.deps.now ?? Date.now;
    const [a, b] = sides;
    await this.deps.saveVote({
      a: a.modelId,
      b: b.modelId,
      winner,
      source: 'human',
      at: new Date(now()).toISOString(),
      prompt: this.prompt,
      // Style control weighs the answers' lengths: reasoning is not part of the answer.
      lengthA: splitModelText(a.text).answer.length,
      lengthB: splitModelText(b.text).answer.length,
    });
    this.winner = winner;
    this.phase = 'voted';
    this.changed();
  }

  private async answer(
    index: 0 | 1,
    client: BattleClient,
    seed: number,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      if (client.load) {
        this.patch(index, { status: 'loading' });
        await client.load(
          (progress) => this.patch(index, { loadFraction: progress.fraction }),
          signal,
        );
        this.patch(index, { loadFraction: null }, false);
      }
      this.patch(index, { status: 'streaming' });
      const params = {
        messages: [{ role: 'user' as const, content: this.prompt }],
        ...BATTLE_SETTINGS,
        seed,
      };
      for await (const event of client.stream(params, signal)) {
        if (event.type === 'delta')
          this.patch(index, { text: this.sides![index].text + event.text });
        else this.patch(index, { usage: event.usage });
      }
      this.patch(index, { status: 'done', loadFraction: null });
    } catch (error) {
      const classified = error instanceof ModelError ? error : classifyError(error);
      this.patch(index, {
        status: 'failed',
        error: { kind: classified.kind, message: classified.message },
        loadFraction: null,
      });
    }
  }

  /**
   * Replaces one side with a changed copy, never changing it in place: a view hands each side to its
   * own element as a property, and Lit re-renders an element only when that property is a new object.
   */
  private patch(index: 0 | 1, change: Partial<BattleSide>, notify = true): void {
    const sides = this.sides;
    if (!sides) return;
    const next: [BattleSide, BattleSide] = [sides[0], sides[1]];
    next[index] = { ...sides[index], ...change };
    this.sides = next;
    if (notify) this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

function sideOf(modelId: string, client: BattleClient, recordedSource: string | null): BattleSide {
  return {
    modelId,
    label: client.label,
    simulated: client.simulated,
    recordedSource,
    fixedSampling: client.independentSamples === false,
    status: 'waiting',
    text: '',
    usage: null,
    error: null,
    loadFraction: null,
  };
}
