// The application shell: header and navigation, the routed view, the services' contexts, update and database notices, toasts.
import { ContextProvider } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { catalogContext } from '../catalog/catalog-context.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { EngineMode, ModelRegistry } from '../models/model-registry.js';
import { ENGINE_SWITCH_EVENT, engineModeFromUrl } from '../models/list/engine-mode.js';
import './quorum-landing.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import { listenForModelFailures } from '../models/model-failure-message.js';
import '../ui/quorum-error-state.js';
import '../ui/quorum-toast-region.js';
import type { QuorumToastRegion } from '../ui/quorum-toast-region.js';
import { TOAST_EVENT, type ToastDetail } from '../ui/toast-event.js';
import { navigate } from '../ui/navigate.js';
import type { RouteMatch } from './match-route.js';
import type { KeptExportInfo } from '../catalog/import/kept-export.js';
import './quorum-not-found-view.js';
import './quorum-update-prompt.js';
import { CurrentTabInView } from './current-tab.js';
import { RouterController, type RouteChange } from './router-controller.js';
import { StoreProviders, type AppStores } from './store-providers.js';
import { routes, type RouteDefinition } from './routes.js';
import { VIEW_TITLE_EVENT, documentTitle, type ViewElement } from '../ui/view-element.js';
import { loadErrorMessage } from './load-error.js';
import { DATABASE_NOTICE_TEXT, type DatabaseNotice } from './database-notice.js';

export type { AppStores } from './store-providers.js';
export type { DatabaseNotice } from './database-notice.js';

/**
 * `<quorum-app>`: The application shell: header and navigation, the routed view, the services' contexts,
 * update and database notices, toasts. Properties: `catalog`, `stores`, `modelRegistry`, `switchEngine`,
 * `bootError`, `databaseNotice`, `applyUpdate`, `versionReplaced`, `dataLost`.
 */
@customElement('quorum-app')
export class QuorumApp extends LitElement {
  // Light DOM: the skip link's #main target and the landmarks must be in the document itself.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Set by main.ts once the database is open; views render only after it. */
  @property({ attribute: false }) catalog: CatalogService | undefined;
  /** Set by main.ts once the database is open, before the catalog. */
  @property({ attribute: false }) stores: AppStores | undefined;
  /** Set by main.ts after the catalog; the model views wait for it. */
  @property({ attribute: false }) modelRegistry: ModelRegistry | undefined;
  /** Saves an engine choice and makes the registry for it; set by main.ts with the first registry. */
  @property({ attribute: false }) switchEngine:
    ((mode: EngineMode) => Promise<ModelRegistry>) | null = null;
  @property({ attribute: false }) bootError: string | null = null;
  @property({ attribute: false }) databaseNotice: DatabaseNotice | null = null;
  @property({ attribute: false }) applyUpdate: (() => void) | null = null;
  /** A new version took over from another tab: this tab still runs the old one. */
  @property({ attribute: false }) versionReplaced = false;
  /**
   * Set by main.ts when the database was found deleted (database-marker.ts), after it loaded
   * quorum-data-lost-notice (kept out of the first bundle: it is rarely needed); null once dismissed.
   */
  @property({ attribute: false }) dataLost: { kept: KeptExportInfo | null } | null = null;

  @state() private match: RouteMatch | null = null;
  @state() private view: ViewElement | null = null;
  @state() private loadError: string | null = null;
  @query('quorum-toast-region') private toastRegion!: QuorumToastRegion;
  @query('main') private mainElement!: HTMLElement;

  private readonly provider = new ContextProvider(this, { context: catalogContext });
  private readonly registryProvider = new ContextProvider(this, { context: modelRegistryContext });
  private readonly storeProviders = new StoreProviders(this);
  private navigationToken = 0;
  /** The engine a switch in flight is making a registry for. */
  private engineSwitch: EngineMode | null = null;
  private stopFailureToasts: (() => void) | null = null;

  constructor() {
    super();
    new RouterController(this, routes, (change) => void this.show(change));
    new CurrentTabInView(this);
    this.addEventListener(TOAST_EVENT, (event) => this.toast(event.detail));
    this.addEventListener(ENGINE_SWITCH_EVENT, (event) => {
      void this.useEngine((event as CustomEvent<EngineMode>).detail);
    });
    this.addEventListener(VIEW_TITLE_EVENT, (event) => {
      document.title = documentTitle(event.detail);
    });
  }

  /** A nav item stays current on the views nested under it (/chat/:id under /chat). */
  private isCurrentSection(route: RouteDefinition): boolean {
    const current = this.match?.route;
    if (!current) return false;
    return (
      current === route ||
      (route.pattern !== '/' && current.pattern.startsWith(`${route.pattern}/`))
    );
  }

  /**
   * Opens files the installed app was launched with: task sets (`.jsonl`) in the lab's import,
   * comparison pages and catalog exports in the catalog's, each the same all-or-nothing import as its
   * page's own file input.
   */
  async openFiles(files: File[]): Promise<void> {
    const lab = files.every((file) => /\.jsonl$/i.test(file.name));
    const [pattern, tag] = lab ? ['/lab', 'quorum-lab-view'] : ['/', 'quorum-catalog-view'];
    if (this.match?.route.pattern !== pattern) navigate(pattern);
    // The view shows within tenths of a second; five seconds is plenty.
    for (let i = 0; i < 50 && this.view?.localName !== tag; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await this.updateComplete;
    const view = this.view as (ViewElement & { importFiles?: (f: File[]) => Promise<void> }) | null;
    await (view as Partial<LitElement> | null)?.updateComplete;
    await view?.importFiles?.(files);
  }

  toast(detail: ToastDetail): void {
    void this.updateComplete.then(() => this.toastRegion.show(detail));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('catalog') && this.catalog) this.provider.setValue(this.catalog);
    if (changed.has('stores') && this.stores) {
      this.storeProviders.provide(this.stores);
    }
    if (changed.has('modelRegistry') && this.modelRegistry) {
      this.registryProvider.setValue(this.modelRegistry);
      // A link naming an engine, followed while the first registry was still being made (main.ts
      // read the URL before the click), found nothing to switch: the URL of now decides.
      if (changed.get('modelRegistry') === undefined)
        void this.followEngine(new URLSearchParams(location.search));
      // A lost GPU can happen in any view (chat, studio): the shell says what happened and what Quorum did.
      this.stopFailureToasts?.();
      this.stopFailureToasts = listenForModelFailures(this.modelRegistry, (message) =>
        this.toast({ message, kind: 'error' }),
      );
    }
  }

  /**
   * A URL naming an engine (`engine=sim`, as "simulated mode" links do) switches at once, without a
   * reload: the choice is saved and a registry for it replaces the current one in every view.
   */
  private async followEngine(query: URLSearchParams | undefined): Promise<void> {
    const wanted = engineModeFromUrl(query ? `?${query.toString()}` : '');
    if (wanted) await this.useEngine(wanted);
  }

  /** Saves the engine choice and gives every view a registry for it (nothing happens when it is current). */
  private async useEngine(wanted: EngineMode): Promise<void> {
    const current = this.modelRegistry;
    const target = this.engineSwitch ?? current?.engineMode;
    if (!current || !this.switchEngine || wanted === target) return;
    this.engineSwitch = wanted;
    try {
      const next = await this.switchEngine(wanted);
      // A later switch (back) may have started meanwhile: only the last one takes over.
      if (this.engineSwitch !== wanted) return void next.dispose();
      this.modelRegistry = next;
      void current.dispose();
    } finally {
      if (this.engineSwitch === wanted) this.engineSwitch = null;
    }
  }

  private async show({ match, userNavigation, fromHistory }: RouteChange): Promise<void> {
    void this.followEngine(match?.query);
    const token = ++this.navigationToken;
    this.loadError = null;
    const sameView = match !== null && this.view?.localName === match.route.tag;
    try {
      await match?.route.load();
    } catch (error) {
      if (token !== this.navigationToken) return;
      this.loadError = loadErrorMessage(error, this.versionReplaced);
      return;
    }
    if (token !== this.navigationToken) return;
    this.match = match;
    // A query change on the same view (filters, picked tools) updates it in place so focus stays put.
    const view: ViewElement =
      sameView && this.view
        ? this.view
        : (document.createElement(match?.route.tag ?? 'quorum-not-found-view') as ViewElement);
    view.params = match?.params ?? {};
    view.query = match?.query ?? new URLSearchParams();
    this.view = view;
    document.title = documentTitle(match?.route.title ?? 'Page not found');
    if (!userNavigation || sameView) return;
    if (!fromHistory) window.scrollTo(0, 0);
    await this.updateComplete;
    await (view as Partial<LitElement>).updateComplete;
    // Screen readers hear the new page's heading, as they would after a full page load.
    const heading = view.shadowRoot?.querySelector<HTMLElement>('h1') ?? this.mainElement;
    heading.focus();
  }

  override render() {
    return html`<a class="skip-link" href="#main">Skip to content</a>
      <header>
        <div class="bar">
          <div class="identity">
            <a class="brand" href="/" aria-label="Quorum home">
              <img src="/icons/icon.svg" alt="" width="28" height="28" />
              <span>Quorum</span>
            </a>
            ${this.renderEngine()}
          </div>
          <nav aria-label="Main">
            <ul>
              ${routes
                .filter((route) => route.nav)
                .map(
                  (route) =>
                    html`<li>
                      <a
                        href=${route.pattern}
                        aria-current=${this.isCurrentSection(route) ? 'page' : 'false'}
                        >${route.nav}</a
                      >
                    </li>`,
                )}
            </ul>
          </nav>
        </div>
      </header>
      <div class="notices">
        <!-- Renders nothing until a new version waits or took over from another tab. -->
        <quorum-update-prompt
          .apply=${this.applyUpdate}
          ?replaced=${this.versionReplaced}
        ></quorum-update-prompt>
        ${
          this.dataLost
            ? html`<quorum-data-lost-notice
                .kept=${this.dataLost.kept}
                @dismiss=${() => (this.dataLost = null)}
              ></quorum-data-lost-notice>`
            : null
        }
        ${
          this.databaseNotice
            ? html`<quorum-error-state
                heading="Please reload"
                .message=${DATABASE_NOTICE_TEXT[this.databaseNotice]}
                ><button @click=${() => location.reload()}>Reload</button></quorum-error-state
              >`
            : null
        }
      </div>
      <main id="main" tabindex="-1">${this.renderMain()}</main>
      <quorum-toast-region></quorum-toast-region>`;
  }

  /** Which engine answers, on every page: simulated answers must never pass for a real model's. */
  private renderEngine() {
    const registry = this.modelRegistry;
    if (!registry) return null;
    const simulated = registry.engineMode === 'sim';
    return html`<a
      class="engine ${simulated ? 'sim' : 'real'}"
      href="/models"
      data-testid="engine-indicator"
      title="Change it on the models page"
      >${simulated ? 'Simulated models' : 'Real models'}</a
    >`;
  }

  private renderMain() {
    if (this.bootError) {
      return html`<quorum-error-state heading="Quorum could not start" .message=${this.bootError}>
      </quorum-error-state>`;
    }
    if (this.loadError) {
      return html`<quorum-error-state heading="Could not load this page" .message=${this.loadError}>
        <button @click=${() => location.reload()}>Reload</button>
      </quorum-error-state>`;
    }
    if (!this.catalog || !this.view) return html`<p class="loading">Opening your catalog…</p>`;
    // The landing section belongs to / only: it says what Quorum is for, above the catalog.
    return this.match?.route.pattern === '/'
      ? html`<quorum-landing></quorum-landing>${this.view}`
      : this.view;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-app': QuorumApp;
  }
}
