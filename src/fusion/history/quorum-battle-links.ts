// Links from a run to blind arena battles between any two of its members (the arena hides which is which).
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { withEngineParam } from '../../models/list/engine-mode.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import type { RunRecord } from './run-record.js';
import { runNames } from './run-names.js';

/** Every unordered pair of the run's distinct pool members, in pool order. */
export function memberPairs(poolIds: readonly string[]): [string, string][] {
  const ids = [...new Set(poolIds)];
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]));
}

/**
 * `<quorum-battle-links>`: Links from a run to blind arena battles between any two of its members (the arena
 * hides which is which). Properties: `run`.
 */
@customElement('quorum-battle-links')
export class QuorumBattleLinks extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) run: RunRecord | null = null;

  override render() {
    const run = this.run;
    const pairs = run ? memberPairs(run.poolIds) : [];
    if (!run || pairs.length === 0) return nothing;
    const name = runNames(run);
    const href = ([a, b]: [string, string]) =>
      withEngineParam(
        `/arena?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`,
        location.search,
      );
    return html`<section aria-labelledby="battle-heading">
      <h2 id="battle-heading">Blind battle</h2>
      <p>Compare two of these models in the arena, names hidden until you vote:</p>
      <ul>
        ${pairs.map(
          (pair) =>
            html`<li>
              <a href=${href(pair)} data-testid="battle-link"
                >${name(pair[0])} against ${name(pair[1])}</a
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-battle-links': QuorumBattleLinks;
  }
}
