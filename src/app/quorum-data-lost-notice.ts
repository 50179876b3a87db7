// Says plainly that the browser deleted Quorum's data, that the starting catalog is back, and offers the last export.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { catalogContext } from '../catalog/catalog-context.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import { summarizeImport, type ImportSummary } from '../catalog/import/import-summary.js';
import { readKeptExport, type KeptExportInfo } from '../catalog/import/kept-export.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { countOf } from '../shared/count.js';

/** The notice's heading; tests find the notice by it. */
export const DATA_LOST_HEADING = 'Your browser deleted Quorum’s data';

/**
 * `<quorum-data-lost-notice>`: Says plainly that the browser deleted Quorum's data, that the starting catalog
 * is back, and offers the last export. Properties: `kept`.
 */
@customElement('quorum-data-lost-notice')
export class QuorumDataLostNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        padding: 0.75rem 1rem;
        border-left: 4px solid var(--q-danger);
        background: var(--q-danger-bg);
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.25rem;
      }
      p {
        margin: 0.35rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  /** The export kept in this browser (kept-export.ts), or null when the visitor never exported here. */
  @property({ attribute: false }) kept: KeptExportInfo | null = null;

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog: CatalogService | undefined;

  @state() private restoring = false;
  @state() private result: ImportSummary | null = null;

  private async restore(): Promise<void> {
    const catalog = this.catalog;
    if (!catalog || this.restoring) return;
    this.restoring = true;
    try {
      const kept = await readKeptExport();
      if (!kept) {
        this.result = {
          ok: false,
          lines: [{ text: 'The kept export could not be read: the browser deleted it too.' }],
        };
        return;
      }
      const report = await catalog.importFiles([kept.file]);
      this.result = summarizeImport(report, [kept.info.fileName]);
    } finally {
      this.restoring = false;
    }
  }

  private dismiss(): void {
    this.dispatchEvent(new Event('dismiss', { bubbles: true, composed: true }));
  }

  override render() {
    const kept = this.kept;
    return html`<section class="card" role="alert" aria-labelledby="lost-heading">
      <h2 id="lost-heading">${DATA_LOST_HEADING}</h2>
      <p>
        Your browser deleted Quorum’s data, probably to free disk space. The starting catalog is
        back; the pages you imported, your runs and your conversations from before are gone from
        this browser.
      </p>
      ${
        kept
          ? html`<p data-testid="kept-export">
              Your last export is kept here: ${kept.fileName}, ${count(kept.comparisons)}, made
              ${new Date(kept.savedAt).toLocaleString()}.
            </p>`
          : html`<p data-testid="kept-export">
              No export was kept in this browser. If you saved one, import that file with Import
              comparisons.
            </p>`
      }
      ${this.result?.lines.map((line) => html`<p data-testid="restore-result">${line.text}</p>`)}
      <div class="actions">
        ${
          kept && !this.result?.ok
            ? html`<button @click=${this.restore} ?disabled=${this.restoring || !this.catalog}>
                ${this.restoring ? 'Importing…' : 'Import your last export'}
              </button>`
            : null
        }
        <button class="secondary" @click=${this.dismiss}>Dismiss</button>
      </div>
    </section>`;
  }
}

function count(comparisons: number): string {
  return `${countOf(comparisons, 'comparison')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-data-lost-notice': QuorumDataLostNotice;
  }
}
