// The arena at /arena: blind battles between two models, a vote, then the names; keyboard 1–4 to vote, N for the next.
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { withEngineParam } from '../models/list/engine-mode.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import type { ModelRegistry } from '../models/model-registry.js';
import '../ui/quorum-empty-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { arenaStyles } from './battle/arena-styles.js';
import { ArenaContestants } from './battle/arena-contestants.js';
import { findProblem, planPair, problemFor } from './battle/battle-plan.js';
import { BATTLE_PROMPTS, promptLabel } from './battle/battle-prompts.js';
import { BattleSession } from './battle/battle-session.js';
import { VOTE_BUTTONS, battleStatus } from './battle/battle-words.js';
import './battle/quorum-battle-side.js';
import type { VoteStore } from './votes/vote-store.js';
import { voteStoreContext } from './votes/vote-store-context.js';

/** Keys typed into a field are text, never shortcuts. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `<quorum-arena-view>`: The arena at /arena: blind battles between two models, a vote, then the names;
 * keyboard 1–4 to vote, N for the next. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-arena-view')
export class QuorumArenaView extends LitElement {
  static override styles = [sharedStyles, arenaStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @consume({ context: voteStoreContext, subscribe: true })
  @state()
  private votes: VoteStore | undefined;

  @state() private problem = '';
  private readonly contestants = new ArenaContestants(this, (message) => (this.problem = message));
  @query('textarea') private textarea!: HTMLTextAreaElement;

  private session: BattleSession | null = null;
  private battleCount = 0;
  private baseSeed = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeydown);
    this.session?.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('registry') && this.registry) void this.prepare(this.registry);
    if (changed.has('query')) {
      const seed = Number(this.query.get('seed'));
      this.baseSeed = Number.isInteger(seed) && seed > 0 ? seed : (Math.random() * 2 ** 31) >>> 0;
    }
  }

  private async prepare(registry: ModelRegistry): Promise<void> {
    const session = new BattleSession({
      client: (id) => registry.client(id),
      fitTogether: async (ids) => (await registry.plan([...ids])).concurrent,
      saveVote: async (vote) => {
        if (!this.votes) throw new Error('The votes store is not open yet.');
        await this.votes.add([vote]);
      },
      recordedSource: (id) => this.contestants.sourceOf(id),
    });
    session.addEventListener('change', () => this.requestUpdate());
    this.session?.stop();
    this.session = session;
    await this.contestants.read(registry, this.query);
  }

  private link(path: string): string {
    return withEngineParam(path, location.search);
  }

  private async startBattle(prompt: string): Promise<void> {
    const session = this.session;
    if (!session || session.busy) return;
    if (prompt.trim() === '') {
      this.problem = 'Write a prompt or pick one from the list first.';
      return;
    }
    if (this.contestants.chosen === 'recorded') {
      const problems = await this.contestants.recordedProblems();
      if (!problems) return;
      const problem = findProblem(prompt, problems);
      if (!problem) {
        this.problem =
          'The recorded models answer only GSM8K’s test problems: pick one from the list, or press N for another.';
        return;
      }
      prompt = problem;
    }
    const seed = (this.baseSeed + this.battleCount) >>> 0;
    const asked =
      this.battleCount === 0 ? ([this.query.get('a'), this.query.get('b')] as const) : null;
    const votes = (await this.votes?.all()) ?? [];
    const ids = this.contestants.group.map((c) => c.id);
    const pair = planPair(ids, asked, votes, seed, (id) => this.contestants.kindOf(id));
    if (!pair) {
      this.problem = 'A battle needs two models: download at least two first.';
      return;
    }
    this.problem = '';
    this.battleCount += 1;
    await session.start(prompt, pair, seed);
  }

  /** N: a new pair on the next built-in prompt, or a GSM8K problem for recorded contestants. */
  private async nextBattle(): Promise<void> {
    const turn = this.baseSeed + this.battleCount;
    let prompt = BATTLE_PROMPTS[turn % BATTLE_PROMPTS.length]!.text;
    if (this.contestants.chosen === 'recorded') {
      const problems = (await this.contestants.recordedProblems()) ?? [];
      const problem = problemFor(problems, (turn ^ 0x9e3779b9) >>> 0);
      if (!problem) return;
      prompt = problem;
    }
    if (this.textarea) this.textarea.value = prompt;
    await this.startBattle(prompt);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    const session = this.session;
    if (!session) return;
    const button = VOTE_BUTTONS.find((b) => b.key === event.key);
    if (button && session.phase === 'voting') {
      event.preventDefault();
      void session.cast(button.winner);
    } else if ((event.key === 'n' || event.key === 'N') && !session.busy) {
      event.preventDefault();
      void this.nextBattle();
    }
  };

  override render() {
    return html`<h1 tabindex="-1">Arena</h1>
      <p>
        Two models answer the same prompt side by side. Their names stay hidden until you vote; your
        votes build a private leaderboard of the models on this device.
        <a href=${this.link('/arena/leaderboard')}>See the leaderboard</a>
      </p>
      ${this.renderBody()}`;
  }

  private renderBody() {
    if (!this.contestants.live) return html`<p>Loading…</p>`;
    if (!this.contestants.enough) {
      return html`<quorum-empty-state heading="Two models needed">
        <p>A battle needs two downloaded models. Download another one, or try simulated models.</p>
        <a class="button" href=${this.link('/models')}>Open the model manager</a>
      </quorum-empty-state>`;
    }
    const session = this.session;
    return html`${this.contestants.render(session?.busy ?? false, this.link('/models'))}
    ${this.contestants.samplingNote()} ${this.contestants.loneNote()} ${this.renderPrompt(session)}
    ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
    ${session?.sides ? this.renderBattle(session) : nothing}`;
  }

  private renderPrompt(session: BattleSession | null) {
    const busy = session?.busy ?? false;
    return html`<form
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.startBattle(this.textarea.value);
      }}
    >
      <label for="prompt">Prompt</label>
      <textarea id="prompt" rows="3" placeholder="Ask anything, or pick a prompt below"></textarea>
      <div class="row">
        <label for="builtin">Built-in prompts</label>
        <select
          id="builtin"
          @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            const picked = this.contestants.prompts(this.baseSeed)[Number(select.value)];
            if (picked) this.textarea.value = picked.text;
          }}
        >
          <option value="">Pick one…</option>
          ${this.contestants
            .prompts(this.baseSeed)
            .map((p, i) => html`<option value=${i}>${promptLabel(p)}</option>`)}
        </select>
      </div>
      <div class="row">
        ${
          busy
            ? html`<button type="button" class="secondary" @click=${() => session?.stop()}>
                Stop
              </button>`
            : html`<button type="submit">Start battle</button>`
        }
        <span class="muted keys"
          >Keys: <kbd>1</kbd>–<kbd>4</kbd> vote, <kbd>N</kbd> next battle.</span
        >
      </div>
    </form>`;
  }

  private renderBattle(session: BattleSession) {
    const [a, b] = session.sides!;
    const revealed = session.revealed;
    return html`<p class="muted" role="status">${battleStatus(session)}</p>
      <div class="sides">
        <quorum-battle-side
          class="card"
          name="Model A"
          .side=${a}
          ?revealed=${revealed}
        ></quorum-battle-side>
        <quorum-battle-side
          class="card"
          name="Model B"
          .side=${b}
          ?revealed=${revealed}
        ></quorum-battle-side>
      </div>
      ${
        session.phase === 'voting'
          ? html`<fieldset class="vote">
              <legend>Which answer is better?</legend>
              ${VOTE_BUTTONS.map(
                (v) =>
                  html`<button
                    type="button"
                    aria-keyshortcuts=${v.key}
                    @click=${() => void session.cast(v.winner)}
                  >
                    ${v.text} <kbd>${v.key}</kbd>
                  </button>`,
              )}
            </fieldset>`
          : nothing
      }
      ${
        revealed
          ? html`<p class="row">
              <button type="button" aria-keyshortcuts="N" @click=${() => void this.nextBattle()}>
                Next battle <kbd>N</kbd>
              </button>
              <a href=${this.link('/arena/leaderboard')}>Leaderboard</a>
            </p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-arena-view': QuorumArenaView;
  }
}
