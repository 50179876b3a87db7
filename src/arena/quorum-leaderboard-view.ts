// The arena's leaderboard at /arena/leaderboard: ratings with intervals, matrices, filters, the length-controlled variant, votes in and out.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { withEngineParam } from '../models/list/engine-mode.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { downloadText } from '../ui/save-text-file.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { modelLabels } from './battle/battle-candidates.js';
import { ArenaClient, type BoardResult } from './leaderboard/arena-client.js';
import { LEADERBOARD_RESAMPLES, LEADERBOARD_SEED } from './leaderboard/leaderboard-settings.js';
import './leaderboard/quorum-length-control.js';
import './leaderboard/quorum-standings.js';
import './leaderboard/quorum-vote-matrix.js';
import { MIN_INTERVAL_BATTLES, type LengthControlled } from './rating/leaderboard.js';
import type { SourceFilter } from './rating/vote.js';
import type { VoteStore } from './votes/vote-store.js';
import { voteStoreContext } from './votes/vote-store-context.js';
import { countOf } from '../shared/count.js';

const SOURCES: { value: SourceFilter; text: string }[] = [
  { value: 'human', text: 'Your votes' },
  { value: 'judge', text: 'Judge verdicts (best-of runs)' },
  { value: 'both', text: 'Both' },
];

/**
 * `<quorum-leaderboard-view>`: The arena's leaderboard at /arena/leaderboard: ratings with intervals,
 * matrices, filters, the length-controlled variant, votes in and out. Routed: the router sets `params` and
 * `query`.
 */
@customElement('quorum-leaderboard-view')
export class QuorumLeaderboardView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--q-border);
        border-radius: var(--q-radius);
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 0 0 1rem;
      }
      .filters label {
        font-weight: 400;
        display: inline-flex;
        align-items: flex-start;
        gap: 0.4rem;
      }
      .filters input {
        min-height: auto;
        width: 1.15rem;
        height: 1.15rem;
        margin: 0.15rem 0 0;
        flex: none;
      }
      section {
        margin: 1.5rem 0;
      }
      .io {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .problem {
        color: var(--q-danger);
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @consume({ context: voteStoreContext, subscribe: true })
  @state()
  private votes: VoteStore | undefined;

  @state() private source: SourceFilter = 'human';
  @state() private excludeBothBad = false;
  @state() private result: BoardResult | null = null;
  @state() private lengthControl: LengthControlled | null | undefined = undefined;
  @state() private error = '';
  @state() private ioMessage: { text: string; ok: boolean } | null = null;
  /**
   * A model's name by id. Replaced (never mutated) when the names arrive, so the tables, given it
   * as a property, draw again: the names can come after the board (the WebGPU probe, endpoints).
   */
  @state() private labelOf: (id: string) => string = (id) => id;
  private client: ArenaClient | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.client?.close();
    this.client = null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('registry') && this.registry) {
      void modelLabels(this.registry).then(
        (labels) => (this.labelOf = (id) => labels.get(id) ?? id),
      );
    }
    if (changed.has('votes') && this.votes) this.refresh();
  }

  private refresh(): void {
    const votes = this.votes;
    if (!votes) return;
    this.client ??= new ArenaClient(votes.dbName);
    this.lengthControl = undefined;
    this.error = '';
    this.client.leaderboard(
      {
        source: this.source,
        excludeBothBad: this.excludeBothBad,
        resamples: LEADERBOARD_RESAMPLES,
        seed: LEADERBOARD_SEED,
      },
      true,
      {
        onBoard: (result) => (this.result = result),
        onLengthControl: (lc) => (this.lengthControl = lc),
        onError: (message) => (this.error = message),
      },
    );
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.votes) return;
    const outcome = await this.votes.importFile(file);
    this.ioMessage = outcome.ok
      ? {
          ok: true,
          text: `Imported ${countOf(outcome.added, 'vote')}${
            outcome.duplicates ? `; ${outcome.duplicates} were already here` : ''
          }.`,
        }
      : { ok: false, text: outcome.message };
    if (outcome.ok) this.refresh();
  }

  private async exportFile(): Promise<void> {
    if (!this.votes) return;
    downloadText('quorum-votes.json', await this.votes.exportText(), 'application/json');
  }

  override render() {
    return html`<h1 tabindex="-1">Arena leaderboard</h1>
      <p>
        Bradley–Terry ratings from your blind votes, on an Elo-like scale (400 points is 10-to-1
        odds; the average model is 1000), with 95&nbsp;% intervals from ${LEADERBOARD_RESAMPLES}
        bootstrap resamples. A model ranks below another only when its whole interval lies below the
        other's. A model with fewer than ${MIN_INTERVAL_BATTLES} battles, or whose votes all went
        the same way, has too few votes for an interval: it shows none and shares the ranks its
        rating could take.
        <a href=${withEngineParam('/arena', location.search)}>Back to the battles</a>
      </p>
      ${this.renderFilters()} ${this.renderBoard()} ${this.renderIo()}`;
  }

  private renderFilters() {
    return html`<fieldset class="filters">
      <legend>Which votes count</legend>
      ${SOURCES.map(
        (s) =>
          html`<label
            ><input
              type="radio"
              name="source"
              .checked=${this.source === s.value}
              @change=${() => {
                this.source = s.value;
                this.refresh();
              }}
            />
            ${s.text}</label
          >`,
      )}
      <label
        ><input
          type="checkbox"
          .checked=${this.excludeBothBad}
          @change=${(e: Event) => {
            this.excludeBothBad = (e.target as HTMLInputElement).checked;
            this.refresh();
          }}
        />
        Leave out "both are bad" (otherwise a tie)</label
      >
    </fieldset>`;
  }

  private renderBoard() {
    if (this.error) return html`<p class="problem" role="alert">${this.error}</p>`;
    const result = this.result;
    if (!result) return html`<p role="status">Fitting the ratings…</p>`;
    const board = result.board;
    if (board.standings.length === 0) {
      return html`<p>
        No ${this.source === 'judge' ? 'judge verdicts' : 'votes'} yet.
        ${
          this.source === 'judge'
            ? 'Run best-of in the studio: its judge’s pairwise verdicts appear here.'
            : html`<a href=${withEngineParam('/arena', location.search)}>Hold a battle</a> to start.`
        }
      </p>`;
    }
    return html`<p class="muted" data-testid="board-summary">
        ${board.votes} votes among ${board.standings.length} models; fitted in
        ${Math.round(result.ms)} ms off the page's main thread.
      </p>
      <section aria-labelledby="standings-heading">
        <h2 id="standings-heading">Standings</h2>
        <quorum-standings .standings=${board.standings} .labelOf=${this.labelOf}></quorum-standings>
      </section>
      <section aria-labelledby="lc-heading">
        <h2 id="lc-heading">Controlling for answer length</h2>
        <p class="muted">
          Longer answers tend to win votes whatever their quality. This fit adds the length
          difference of each battle as a covariate, as LM Arena's style control does, and shows what
          is left.
        </p>
        <quorum-length-control
          .result=${this.lengthControl}
          .labelOf=${this.labelOf}
        ></quorum-length-control>
      </section>
      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Head to head</h2>
        <quorum-vote-matrix
          heading="Win rate"
          description="Share of its battles against the column's model that the row's model won, ties counted half."
          kind="rate"
          .ids=${board.standings.map((s) => s.id)}
          .values=${board.winRate}
          .labelOf=${this.labelOf}
        ></quorum-vote-matrix>
        <quorum-vote-matrix
          heading="Battles"
          description="How many battles each pair of models fought."
          kind="count"
          .ids=${board.standings.map((s) => s.id)}
          .values=${board.battleCounts}
          .labelOf=${this.labelOf}
        ></quorum-vote-matrix>
      </section>`;
  }

  private renderIo() {
    const message = this.ioMessage;
    return html`<section aria-labelledby="io-heading">
      <h2 id="io-heading">Your votes</h2>
      <div class="io">
        <button type="button" class="secondary" @click=${() => void this.exportFile()}>
          Export votes
        </button>
        <label class="button secondary" for="import-votes">Import votes</label>
        <input
          id="import-votes"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          @change=${(e: Event) => void this.importFile(e.target as HTMLInputElement)}
        />
      </div>
      ${
        message
          ? html`<p class=${message.ok ? '' : 'problem'} role=${message.ok ? 'status' : 'alert'}>
              ${message.text}
            </p>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-leaderboard-view': QuorumLeaderboardView;
  }
}
