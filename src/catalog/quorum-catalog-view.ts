// The catalog: search as you type, filters, the matching comparisons, and the import/export panel.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { navigate } from '../ui/navigate.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import '../ui/quorum-empty-state.js';
import '../ui/quorum-error-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { catalogContext } from './catalog-context.js';
import { catalogUrl, isFiltered, readCatalogQuery, type CatalogQuery } from './catalog-query.js';
import type { CatalogService } from './catalog-service.js';
import { catalogViewStyles } from './catalog-view-styles.js';
import './quorum-catalog-filters.js';
import './quorum-comparison-card.js';
import './import/quorum-import-panel.js';
import type { QuorumImportPanel } from './import/quorum-import-panel.js';
import { errorText } from '../shared/errors.js';
import { countOf } from '../shared/count.js';

/** Cards per "show more": enough to fill a desktop screen, few enough to render instantly. */
const PAGE_SIZE = 24;
const URL_UPDATE_DELAY_MS = 300;

/**
 * `<quorum-catalog-view>`: The catalog: search as you type, filters, the matching comparisons, and the
 * import/export panel. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-catalog-view')
export class QuorumCatalogView extends LitElement {
  static override styles = [sharedStyles, catalogViewStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog: CatalogService | undefined;

  @state() private limit = PAGE_SIZE;
  @state() private dragging = false;
  @query('quorum-import-panel') private importPanel!: QuorumImportPanel;

  private readonly revision = new ChangeRevisionController(this, () => this.catalog);

  private readonly facets = new Task(this, {
    task: ([catalog]) => catalog?.facets() ?? Promise.resolve({ categories: [], entries: [] }),
    args: () => [this.catalog, this.revision.value] as const,
  });

  private readonly results = new Task(this, {
    task: async ([catalog, search, limit]) => {
      // `filtered` belongs to the query these results answer, never to a newer one still running.
      const filtered = isFiltered(search);
      if (!catalog) return { total: 0, all: 0, records: [], filtered };
      const filters = {
        category: search.category || undefined,
        entry: search.entry || undefined,
        minPanelShip: search.minPanelShip || undefined,
      };
      const [found, all] = await Promise.all([
        catalog.search(search.text, filters, limit),
        catalog.count(),
      ]);
      return { total: found.total, all, records: found.records, filtered };
    },
    args: () => [this.catalog, this.search, this.limit, this.revision.value] as const,
  });

  @state() private search: CatalogQuery = readCatalogQuery(new URLSearchParams());
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** The URL this view wrote itself: its echo through the router must not undo newer keystrokes. */
  private ownUrl: string | null = null;

  constructor() {
    super();
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', () => (this.dragging = false));
    this.addEventListener('drop', this.onDrop);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('query')) {
      const next = readCatalogQuery(this.query);
      const nextUrl = catalogUrl(next);
      const echo = nextUrl === this.ownUrl;
      this.ownUrl = null;
      if (!echo && nextUrl !== catalogUrl(this.search)) {
        this.search = next;
        this.limit = PAGE_SIZE;
      }
    }
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  private readonly onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    this.dragging = false;
    void this.importFiles(Array.from(event.dataTransfer.files));
  };

  /** Imports files through the import panel (all or nothing, with its report): drops and files the app is opened with. */
  async importFiles(files: readonly File[]): Promise<void> {
    await this.updateComplete;
    await this.importPanel.importFiles(files);
  }

  private onSearchChange(event: CustomEvent<CatalogQuery>): void {
    // Results follow every keystroke; the URL (a history entry rewrite) follows once typing pauses.
    this.search = event.detail;
    this.limit = PAGE_SIZE;
    clearTimeout(this.urlTimer);
    const url = catalogUrl(event.detail);
    this.urlTimer = setTimeout(() => {
      this.ownUrl = url;
      navigate(url, { replace: true });
    }, URL_UPDATE_DELAY_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.urlTimer);
  }

  override render() {
    return html`<div class="layout ${this.dragging ? 'dragging' : ''}">
      <div class="intro">
        <h1 tabindex="-1">Catalog</h1>
        <p class="muted">Side-by-side comparisons of AI tools, stored in this browser.</p>
      </div>
      <quorum-catalog-filters
        class="filters"
        .value=${this.search}
        .facets=${this.facets.value ?? { categories: [], entries: [] }}
        @search-change=${this.onSearchChange}
      ></quorum-catalog-filters>
      <div class="results">${this.renderResults()}</div>
      <aside aria-label="Import and export">
        <quorum-import-panel></quorum-import-panel>
      </aside>
      ${this.dragging ? html`<div class="drop-hint" aria-hidden="true">Drop pages to import them</div>` : null}
    </div>`;
  }

  private renderResults() {
    const error = this.results.error;
    if (error) {
      return html`<quorum-error-state
        heading="The catalog could not be read"
        .message=${errorText(error)}
      ></quorum-error-state>`;
    }
    const value = this.results.value;
    if (!value) return html`<p class="muted">Loading comparisons…</p>`;
    const { filtered } = value;
    return html`<p class="count" role="status" data-testid="result-count">
        ${
          filtered
            ? `${value.total} of ${value.all} comparisons match`
            : `${countOf(value.all, 'comparison')}`
        }
      </p>
      ${value.records.length === 0 ? this.renderEmpty(filtered) : null}
      <ul class="cards">
        ${value.records.map(
          (record) =>
            html`<li><quorum-comparison-card .comparison=${record}></quorum-comparison-card></li>`,
        )}
      </ul>
      ${
        value.total > value.records.length
          ? html`<button class="secondary more" @click=${() => (this.limit += PAGE_SIZE)}>
              Show more (${value.total - value.records.length} left)
            </button>`
          : null
      }`;
  }

  private renderEmpty(filtered: boolean) {
    if (filtered) {
      return html`<quorum-empty-state heading="No comparisons match">
        <p>Try fewer words or clear the filters.</p>
        <button class="secondary" @click=${() => navigate('/', { replace: true })}>
          Clear search and filters
        </button>
      </quorum-empty-state>`;
    }
    return html`<quorum-empty-state heading="Your catalog is empty">
      <p>Use “Import comparisons” to add pages, or drop page files here.</p>
    </quorum-empty-state>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-catalog-view': QuorumCatalogView;
  }
}
