// One tool: its current fields, where pages disagreed about them, and every comparison it appears in.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { setViewTitle } from '../ui/view-element.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import '../ui/quorum-error-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { catalogContext } from './catalog-context.js';
import type { CatalogService } from './catalog-service.js';
import { catalogStyles } from './catalog-styles.js';
import './quorum-comparison-card.js';
import './quorum-tool-differences.js';
import './quorum-tool-summary.js';
import type { ComparisonRecord, ToolRecord } from './types.js';
import { errorText } from '../shared/errors.js';
import { countOf } from '../shared/count.js';

interface ToolPage {
  tool: ToolRecord;
  comparisons: ComparisonRecord[];
}

/**
 * `<quorum-tool-view>`: One tool: its current fields, where pages disagreed about them, and every comparison
 * it appears in. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-tool-view')
export class QuorumToolView extends LitElement {
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
      section {
        margin-top: 2rem;
      }
      h2 {
        font-size: 1.3rem;
      }
      .cards {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog: CatalogService | undefined;

  private readonly revision = new ChangeRevisionController(this, () => this.catalog);

  private readonly page = new Task(this, {
    task: async ([catalog, slug]): Promise<ToolPage | null> => {
      if (!catalog || !slug) return null;
      const [tool, comparisons] = await Promise.all([
        catalog.getTool(slug),
        catalog.comparisonsForTool(slug),
      ]);
      if (!tool) return null;
      setViewTitle(this, tool.name);
      return { tool, comparisons };
    },
    args: () => [this.catalog, this.params['slug'], this.revision.value] as const,
  });

  // One h1 in every state: the shell focuses it on arrival, so it must survive the data loading.
  override render() {
    return html`<p class="back"><a href="/">← Catalog</a></p>
      <h1 tabindex="-1" class="long-text">${this.heading()}</h1>
      ${this.body()}`;
  }

  private heading(): string {
    const loaded = this.page.value;
    return this.page.render({
      initial: () => 'Loading tool…',
      // A refresh keeps what is shown until the new page arrives.
      pending: () => loaded?.tool.name ?? 'Loading tool…',
      complete: (page) => page?.tool.name ?? 'Tool not found',
      error: () => 'Tool',
    });
  }

  private body() {
    const loaded = this.page.value;
    return this.page.render({
      initial: () => null,
      pending: () => (loaded ? this.renderTool(loaded) : null),
      complete: (page) =>
        page
          ? this.renderTool(page)
          : html`<p>No tool “${this.params['slug']}” is in your catalog.</p>`,
      error: (error) =>
        html`<quorum-error-state
          heading="The tool could not be read"
          .message=${errorText(error)}
        ></quorum-error-state>`,
    });
  }

  private renderTool({ tool, comparisons }: ToolPage) {
    const titles = new Map(comparisons.map((record) => [record.id, record.title]));
    return html`<quorum-tool-summary hide-name .tool=${tool}></quorum-tool-summary>
      <p>
        <a href="/compare?a=${encodeURIComponent(tool.slug)}"
          >Compare ${tool.name} with another tool</a
        >
      </p>
      <section aria-labelledby="differences-heading">
        <h2 id="differences-heading">Differences between pages</h2>
        <quorum-tool-differences
          .differences=${tool.differences}
          .titles=${titles}
        ></quorum-tool-differences>
      </section>
      <section aria-labelledby="comparisons-heading">
        <h2 id="comparisons-heading">In ${countOf(comparisons.length, 'comparison')}</h2>
        <ul class="plain-list cards">
          ${comparisons.map(
            (record) =>
              html`<li>
                <quorum-comparison-card
                  heading-level="3"
                  .comparison=${record}
                ></quorum-comparison-card>
              </li>`,
          )}
        </ul>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-tool-view': QuorumToolView;
  }
}
