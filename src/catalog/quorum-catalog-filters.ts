// The catalog's search box and filters; reports each change, keystrokes included, as a 'search-change' event.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { CatalogQuery } from './catalog-query.js';
import { PANEL_SHIP_MEANING } from './format-tool-fields.js';

const SHIP_STEPS = [25, 50, 75, 90] as const;

/** The categories and entry prices the filters offer. */
export interface CatalogFacets {
  categories: string[];
  entries: string[];
}

/**
 * `<quorum-catalog-filters>`: The catalog's search box and filters; reports each change, keystrokes included,
 * as a 'search-change' event. Properties: `value`, `facets`. Fires `search-change`.
 */
@customElement('quorum-catalog-filters')
export class QuorumCatalogFilters extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 2fr) repeat(3, minmax(0, 1fr));
        gap: 0.75rem;
        align-items: end;
      }
      @media (max-width: 48rem) {
        form {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        .search {
          grid-column: 1 / -1;
        }
      }
      .field {
        display: grid;
        gap: 0.25rem;
        min-width: 0;
      }
      label {
        font-size: 0.9rem;
      }
      input,
      select {
        width: 100%;
      }
      .hint {
        margin: 0.5rem 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) value: CatalogQuery = {
    text: '',
    category: '',
    entry: '',
    minPanelShip: 0,
  };
  @property({ attribute: false }) facets: CatalogFacets = { categories: [], entries: [] };

  @state() private draft = '';

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Outside changes (back button, "clear") replace the box's text.
    if (changed.has('value')) this.draft = this.value.text;
  }

  private emit(change: Partial<CatalogQuery>): void {
    const detail: CatalogQuery = { ...this.value, text: this.draft, ...change };
    this.dispatchEvent(new CustomEvent<CatalogQuery>('search-change', { detail }));
  }

  private onInput(event: Event): void {
    this.draft = (event.target as HTMLInputElement).value;
    this.emit({});
  }

  private onSelect(field: 'category' | 'entry' | 'minPanelShip', event: Event): void {
    const raw = (event.target as HTMLSelectElement).value;
    this.emit(field === 'minPanelShip' ? { minPanelShip: Number(raw) } : { [field]: raw });
  }

  override render() {
    const { category, entry, minPanelShip } = this.value;
    return html`<form
        role="search"
        aria-label="Search the catalog"
        @submit=${(e: Event) => e.preventDefault()}
      >
        <div class="field search">
          <label for="q">Search comparisons</label>
          <input
            id="q"
            type="search"
            autocomplete="off"
            placeholder="Names, taglines, descriptions, quotes"
            .value=${this.draft}
            @input=${this.onInput}
          />
        </div>
        <div class="field">
          <label for="category">Category</label>
          <select id="category" @change=${(e: Event) => this.onSelect('category', e)}>
            <option value="" ?selected=${!category}>All categories</option>
            ${withCurrent(this.facets.categories, category).map(
              (name) =>
                html`<option .value=${name} ?selected=${name === category}>${name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="entry">Entry price</label>
          <select id="entry" @change=${(e: Event) => this.onSelect('entry', e)}>
            <option value="" ?selected=${!entry}>Any price</option>
            ${withCurrent(this.facets.entries, entry).map(
              (name) => html`<option .value=${name} ?selected=${name === entry}>${name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="ship">Minimum panel ship</label>
          <select
            id="ship"
            aria-describedby="ship-hint"
            @change=${(e: Event) => this.onSelect('minPanelShip', e)}
          >
            <option value="0" ?selected=${minPanelShip === 0}>Any</option>
            ${withCurrent(SHIP_STEPS, minPanelShip).map(
              (step) =>
                html`<option value=${step} ?selected=${step === minPanelShip}>
                  ${step}% or more
                </option>`,
            )}
          </select>
        </div>
      </form>
      <p class="hint muted" id="ship-hint">${PANEL_SHIP_MEANING}</p>`;
  }
}

/** Keeps a value from the URL selectable even before the facets load or when no page has it any more. */
function withCurrent<T extends string | number>(options: readonly T[], current: T): T[] {
  return !current || options.includes(current) ? [...options] : [...options, current];
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-catalog-filters': QuorumCatalogFilters;
  }
}
