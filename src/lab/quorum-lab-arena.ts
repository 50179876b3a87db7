// The pool's lab accuracy beside each model's arena rating, on a run's results (the join is lab-beside-arena.ts).
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { withEngineParam } from '../models/list/engine-mode.js';
import { modelRatingsContext, type ModelRatings } from '../models/model-ratings-context.js';
import '../fusion/history/quorum-scroll-box.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { labStyles } from './lab-styles.js';
import { bothMeasured, labBesideArena, type SideBySideRow } from './results/lab-beside-arena.js';
import type { ResultEntry } from './stats/summarise.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `<quorum-lab-arena>`: The pool's lab accuracy beside each model's arena rating, on a run's results (the
 * join is lab-beside-arena.ts). Properties: `entries`.
 */
@customElement('quorum-lab-arena')
export class QuorumLabArena extends LitElement {
  static override styles = [
    sharedStyles,
    labStyles,
    css`
      /* Each figure whole, but a cell may wrap between them: the table fits a phone. */
      .figure {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      table {
        font-size: 0.9rem;
      }
      .missing {
        min-width: 7rem;
        color: var(--q-muted);
      }
    `,
  ];

  /** The run's entries; the single models are the pool. */
  @property({ attribute: false }) entries: readonly ResultEntry[] = [];

  /** Arena ratings, lent by the shell; absent in tests that mount the view alone. */
  @consume({ context: modelRatingsContext, subscribe: true })
  @state()
  private source: ModelRatings | undefined;

  private readonly ratings = new Task(this, {
    task: async ([source]) => (source ? await source.ratings() : new Map()),
    args: () => [this.source] as const,
  });

  override render() {
    return html`<h3 id="lab-arena-heading">Lab accuracy beside your arena ratings</h3>
      <p class="note">
        The lab counts right answers on this run’s questions; the arena rates the same models from
        your blind votes on any prompt (Bradley–Terry on an Elo-like scale, human votes only). They
        measure different things, so either can rank the models differently.
      </p>
      ${this.ratings.render({
        pending: () => html`<p role="status">Reading the arena’s ratings…</p>`,
        error: (error) =>
          html`<p class="problem" role="alert">
            The arena’s ratings could not be computed:
            ${error instanceof Error ? error.message : String(error)}
          </p>`,
        complete: (ratings) => this.table(labBesideArena(this.entries, ratings)),
      })}`;
  }

  private table(rows: SideBySideRow[]) {
    const ids = rows.map((r) => r.id);
    const battle =
      ids.length >= 2
        ? withEngineParam(
            `/arena?a=${encodeURIComponent(ids[0]!)}&b=${encodeURIComponent(ids[1]!)}`,
            location.search,
          )
        : null;
    return html`<quorum-scroll-box label="Lab and arena table">
        <table data-testid="lab-arena">
          <caption>
            Each model of the pool: lab accuracy and arena rating
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Lab accuracy (95 % Wilson)</th>
              <th scope="col">Arena rating (95 % bootstrap), rank, battles</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <th scope="row">${r.label}</th>
                  ${
                    r.lab
                      ? html`<td>
                          <span class="figure">${pct(r.lab.accuracy)}</span>
                          <span class="figure"
                            >(${pct(r.lab.ci95[0])} – ${pct(r.lab.ci95[1])})</span
                          >
                        </td>`
                      : html`<td class="missing">${r.labMissing}</td>`
                  }
                  ${
                    r.arena
                      ? html`<td>
                          <span class="figure">${Math.round(r.arena.rating)}</span>
                          <span class="figure"
                            >(${
                              r.arena.tooFewVotes
                                ? 'too few votes'
                                : `${Math.round(r.arena.lower)} – ${Math.round(r.arena.upper)}`
                            })</span
                          >
                          <span class="figure">rank ${r.arena.rank} of ${r.arena.of},</span>
                          <span class="figure">${r.arena.battles} battles</span>
                        </td>`
                      : html`<td class="missing">${r.arenaMissing}</td>`
                  }
                </tr>`,
            )}
          </tbody>
        </table>
      </quorum-scroll-box>
      <p class="note">
        ${
          bothMeasured(rows) < 2
            ? 'Fewer than two models have both figures: vote in the arena to compare the two rankings.'
            : nothing
        }
        ${battle ? html`<a href=${battle}>Battle this pool’s models in the arena</a>` : nothing}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-lab-arena': QuorumLabArena;
  }
}
