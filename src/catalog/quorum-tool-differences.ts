// Lists the fields on which pages disagreed about a tool: the value shown now and the one it replaced.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { FIELD_LABELS, formatFieldValue } from './format-tool-fields.js';
import type { ToolFieldDifference } from './types.js';

/**
 * `<quorum-tool-differences>`: Lists the fields on which pages disagreed about a tool: the value shown now
 * and the one it replaced. Properties: `differences`, `titles`.
 */
@customElement('quorum-tool-differences')
export class QuorumToolDifferences extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.75rem;
      }
      li {
        padding: 0.75rem 1rem;
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.25rem 0.75rem;
        margin: 0.4rem 0 0;
      }
      dt {
        color: var(--q-muted);
      }
      dd {
        margin: 0;
      }
      .old {
        text-decoration: line-through;
        text-decoration-color: var(--q-muted);
      }
    `,
  ];

  @property({ attribute: false }) differences: ToolFieldDifference[] = [];
  /** Comparison titles by id, to name the pages; an id stands in for a page no longer stored. */
  @property({ attribute: false }) titles = new Map<string, string>();

  override render() {
    if (this.differences.length === 0) {
      return html`<p class="muted">Every page agrees on this tool’s fields.</p>`;
    }
    return html`<p class="muted">
        The newest import wins; what it replaced is kept here. A tool keeps the name it was first
        stored under: another page’s spelling is listed, never shown as its name.
      </p>
      <ul>
        ${this.differences.map(
          (difference) =>
            html`<li class="card">
              <strong>${FIELD_LABELS[difference.field]}</strong>
              <dl>
                <dt>${difference.field === 'name' ? 'Kept' : 'Now'}</dt>
                <dd>
                  ${formatFieldValue(difference.field, difference.currentValue)}
                  (${this.pageLink(difference.currentComparisonId)})
                </dd>
                <dt>${difference.field === 'name' ? 'Also written' : 'Before'}</dt>
                <dd>
                  <span class=${difference.field === 'name' ? '' : 'old'}
                    >${formatFieldValue(difference.field, difference.previousValue)}</span
                  >
                  (${this.pageLink(difference.previousComparisonId)})
                </dd>
              </dl>
            </li>`,
        )}
      </ul>`;
  }

  private pageLink(id: string) {
    return html`<a href="/comparison/${encodeURIComponent(id)}">${this.titles.get(id) ?? id}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-tool-differences': QuorumToolDifferences;
  }
}
