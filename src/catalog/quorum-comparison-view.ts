// One comparison: the two tools in two columns and the reviewer scorecard as paired rows.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { setViewTitle } from '../ui/view-element.js';
import { studioUrlFor } from './comparison-prompt.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import '../ui/quorum-error-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { catalogContext } from './catalog-context.js';
import type { CatalogService } from './catalog-service.js';
import { catalogStyles } from './catalog-styles.js';
import './quorum-scorecard.js';
import './quorum-tool-summary.js';
import type { ComparisonRecord } from './types.js';
import { errorText } from '../shared/errors.js';

/**
 * `<quorum-comparison-view>`: One comparison: the two tools in two columns and the reviewer scorecard as
 * paired rows. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-comparison-view')
export class QuorumComparisonView extends LitElement {
  static override styles = [
    sharedStyles,
    catalogStyles,
    css`
      :host {
        display: block;
      }
      .back {
        margin: 0 0 0.75rem;
      }
      .intro {
        max-width: 48rem;
        color: var(--q-muted);
      }
      section {
        margin-top: 2rem;
      }
      h2 {
        font-size: 1.3rem;
      }
      .more {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin-top: 1.5rem;
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog: CatalogService | undefined;

  private readonly revision = new ChangeRevisionController(this, () => this.catalog);

  private readonly comparison = new Task(this, {
    task: async ([catalog, id]) => {
      const record = await catalog?.getComparison(id ?? '');
      if (record) setViewTitle(this, record.title);
      return record ?? null;
    },
    args: () => [this.catalog, this.params['id'], this.revision.value] as const,
  });

  // One h1 in every state: the shell focuses it on arrival, so it must survive the data loading.
  override render() {
    const record = this.comparison.value;
    return html`<p class="back"><a href="/">← Catalog</a></p>
      ${record ? html`<span class="tag">${record.category}</span>` : null}
      <h1 tabindex="-1" class="long-text">${this.heading()}</h1>
      ${this.body()}`;
  }

  private heading(): string {
    const loaded = this.comparison.value;
    return this.comparison.render({
      initial: () => 'Loading comparison…',
      // A refresh keeps what is shown until the new record arrives.
      pending: () => loaded?.title ?? 'Loading comparison…',
      complete: (record) => record?.title ?? 'Comparison not found',
      error: () => 'Comparison',
    });
  }

  private body() {
    const loaded = this.comparison.value;
    return this.comparison.render({
      initial: () => null,
      pending: () => (loaded ? this.renderComparison(loaded) : null),
      complete: (record) =>
        record
          ? this.renderComparison(record)
          : html`<p>
              No comparison “${this.params['id']}” is in your catalog. It may not have been imported
              in this browser.
            </p>`,
      error: (error) =>
        html`<quorum-error-state
          heading="The comparison could not be read"
          .message=${errorText(error)}
        ></quorum-error-state>`,
    });
  }

  private renderComparison(record: ComparisonRecord) {
    const [a, b] = record.tools;
    return html`<p class="intro long-text">${record.intro}</p>
      <div class="columns">
        <quorum-tool-summary .tool=${a}></quorum-tool-summary>
        <quorum-tool-summary .tool=${b}></quorum-tool-summary>
      </div>
      <section aria-labelledby="scorecard-heading">
        <h2 id="scorecard-heading">Reviewer scorecard</h2>
        <quorum-scorecard
          .rows=${record.scorecard}
          .nameA=${a.name}
          .nameB=${b.name}
        ></quorum-scorecard>
      </section>
      <div class="more">
        <a href="/tool/${encodeURIComponent(a.slug)}">More about ${a.name}</a>
        <a href="/tool/${encodeURIComponent(b.slug)}">More about ${b.name}</a>
        <a href=${studioUrlFor(record)}>Ask your local models about this</a>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-comparison-view': QuorumComparisonView;
  }
}
