// Compare any two tools side by side, even two that no page compares; the picks live in the URL (?a=&b=).
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { navigate } from '../ui/navigate.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import '../ui/quorum-empty-state.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { catalogContext } from './catalog-context.js';
import type { CatalogService } from './catalog-service.js';
import { catalogStyles } from './catalog-styles.js';
import './quorum-tool-summary.js';
import type { ComparisonRecord, ToolRecord } from './types.js';

interface Side {
  tool: ToolRecord;
  comparisons: ComparisonRecord[];
}

/**
 * `<quorum-compare-view>`: Compare any two tools side by side, even two that no page compares; the picks live
 * in the URL (?a=&b=). Routed: the router sets `params` and `query`.
 */
@customElement('quorum-compare-view')
export class QuorumCompareView extends LitElement {
  static override styles = [
    sharedStyles,
    catalogStyles,
    css`
      :host {
        display: block;
      }
      .pickers {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        min-width: 0;
      }
      select {
        width: 100%;
      }
      .direct {
        margin: 0 0 1rem;
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.5rem 0 0.5rem;
      }
      .column-lists ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      .column-lists li {
        margin: 0.25rem 0;
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog: CatalogService | undefined;

  private readonly revision = new ChangeRevisionController(this, () => this.catalog);

  private readonly tools = new Task(this, {
    task: ([catalog]) => catalog?.listTools() ?? Promise.resolve([]),
    args: () => [this.catalog, this.revision.value] as const,
  });

  private readonly sides = new Task(this, {
    task: ([catalog, a, b]) => Promise.all([loadSide(catalog, a), loadSide(catalog, b)]),
    args: () =>
      [
        this.catalog,
        this.query.get('a') ?? '',
        this.query.get('b') ?? '',
        this.revision.value,
      ] as const,
  });

  private pick(side: 'a' | 'b', event: Event): void {
    const params = new URLSearchParams(this.query);
    const slug = (event.target as HTMLSelectElement).value;
    if (slug) params.set(side, slug);
    else params.delete(side);
    navigate(`/compare?${params.toString()}`, { replace: true });
  }

  override render() {
    const a = this.query.get('a') ?? '';
    const b = this.query.get('b') ?? '';
    return html`<h1 tabindex="-1">Compare any two tools</h1>
      <p class="muted">Pick two tools from your catalog, even two that no page compares.</p>
      <div class="pickers">
        ${this.renderPicker('a', 'First tool', a)} ${this.renderPicker('b', 'Second tool', b)}
      </div>
      ${this.renderSides()}`;
  }

  private renderPicker(side: 'a' | 'b', label: string, current: string) {
    const tools = this.tools.value ?? [];
    return html`<div class="field">
      <label for="pick-${side}">${label}</label>
      <select id="pick-${side}" @change=${(event: Event) => this.pick(side, event)}>
        <option value="" ?selected=${!current}>Choose a tool</option>
        ${tools.map(
          (tool) =>
            html`<option .value=${tool.slug} ?selected=${tool.slug === current}>
              ${tool.name}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderSides() {
    const [sideA, sideB] = this.sides.value ?? [null, null];
    if (!sideA && !sideB) {
      return html`<quorum-empty-state heading="Nothing to compare yet">
        <p>Choose a tool in each list to see them side by side.</p>
      </quorum-empty-state>`;
    }
    return html`${sideA && sideB ? this.renderDirect(sideA, sideB) : null}
      <div class="columns">
        ${[sideA, sideB].map((side) =>
          side
            ? html`<quorum-tool-summary .tool=${side.tool}></quorum-tool-summary>`
            : html`<quorum-empty-state heading="No tool chosen"
                ><p>Pick one above.</p></quorum-empty-state
              >`,
        )}
      </div>
      <div class="columns column-lists">
        ${[sideA, sideB].map((side) => (side ? this.renderAppearances(side) : html`<div></div>`))}
      </div>`;
  }

  private renderDirect(a: Side, b: Side) {
    if (a.tool.slug === b.tool.slug) {
      return html`<p class="direct card">
        Both lists name ${a.tool.name}: pick a different second tool.
      </p>`;
    }
    const direct = a.comparisons.filter((record) => record.toolSlugs.includes(b.tool.slug));
    return html`<p class="direct card">
      ${
        direct.length > 0
          ? html`A page compares them directly:
            ${direct.map(
              (record, i) =>
                html`${i > 0 ? ', ' : ''}<a href="/comparison/${encodeURIComponent(record.id)}"
                    >${record.title}</a
                  >`,
            )}.`
          : html`No page in your catalog compares ${a.tool.name} and ${b.tool.name} directly; this
            view puts their fields side by side.`
      }
    </p>`;
  }

  private renderAppearances({ tool, comparisons }: Side) {
    return html`<div>
      <h2>${tool.name} appears in</h2>
      <ul>
        ${comparisons.map(
          (record) =>
            html`<li>
              <a href="/comparison/${encodeURIComponent(record.id)}">${record.title}</a>
            </li>`,
        )}
      </ul>
    </div>`;
  }
}

async function loadSide(catalog: CatalogService | undefined, slug: string): Promise<Side | null> {
  if (!catalog || !slug) return null;
  const [tool, comparisons] = await Promise.all([
    catalog.getTool(slug),
    catalog.comparisonsForTool(slug),
  ]);
  return tool ? { tool, comparisons } : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-compare-view': QuorumCompareView;
  }
}
