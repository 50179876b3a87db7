// The model manager's filters: fits this device only, family, and a search box.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { ModelFilters } from './model-filter.js';

/**
 * `<quorum-model-filters>`: The model manager's filters: fits this device only, family, and a search box.
 * Properties: `filters`, `families`. Fires `filters-change`.
 */
@customElement('quorum-model-filters')
export class QuorumModelFilters extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      label.check {
        flex-direction: row;
        align-items: center;
        min-height: 2.5rem;
      }
      input[type='checkbox'] {
        min-height: auto;
        width: 1.2rem;
        height: 1.2rem;
      }
      input[type='search'] {
        width: 16rem;
      }
    `,
  ];

  @property({ attribute: false }) filters!: ModelFilters;
  @property({ attribute: false }) families: string[] = [];

  private change(patch: Partial<ModelFilters>): void {
    const detail: ModelFilters = { ...this.filters, ...patch };
    this.dispatchEvent(
      new CustomEvent('filters-change', { detail, bubbles: true, composed: true }),
    );
  }

  override render() {
    const f = this.filters;
    return html`<form
      role="search"
      aria-label="Filter models"
      @submit=${(e: Event) => e.preventDefault()}
    >
      <label
        >Search
        <input
          type="search"
          .value=${f.search}
          placeholder="e.g. Qwen 1.5B"
          @input=${(e: Event) => this.change({ search: (e.target as HTMLInputElement).value })}
      /></label>
      <label
        >Family
        <select
          .value=${f.family}
          @change=${(e: Event) => this.change({ family: (e.target as HTMLSelectElement).value })}
        >
          <option value="">All families</option>
          ${this.families.map(
            (family) =>
              html`<option value=${family} ?selected=${family === f.family}>${family}</option>`,
          )}
        </select></label
      >
      <label class="check"
        ><input
          type="checkbox"
          .checked=${f.fitsOnly}
          @change=${(e: Event) => this.change({ fitsOnly: (e.target as HTMLInputElement).checked })}
        />
        Fits this device only</label
      >
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-model-filters': QuorumModelFilters;
  }
  interface HTMLElementEventMap {
    'filters-change': CustomEvent<ModelFilters>;
  }
}
