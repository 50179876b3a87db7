// Import (file picker, paste, dropped files) and export of the catalog, with results announced per file.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { requestPersistence } from '../../db/storage-persistence.js';
import '../../ui/quorum-progress-bar.js';
import { panelStyles, sharedStyles } from '../../ui/shared-styles.js';
import { catalogContext } from '../catalog-context.js';
import type { CatalogService } from '../catalog-service.js';
import { catalogExportFileName, serializeCatalogExport } from './export-catalog.js';
import { PASTED_TEXT_NAME, textFile, type ImportSource } from './import-catalog.js';
import { importPanelStyles } from './import-panel-styles.js';
import { keepExport } from './kept-export.js';
import { readFileGroups } from './read-picked-files.js';
import {
  NOTHING_IMPORTED,
  summarizeImport,
  summarizeRefusal,
  type ImportSummary,
} from './import-summary.js';
import { errorText } from '../../shared/errors.js';
import { countOf } from '../../shared/count.js';

interface Progress {
  label: string;
  value: number;
  /** 0: indeterminate. */
  max: number;
}

/**
 * `<quorum-import-panel>`: Import (file picker, paste, dropped files) and export of the catalog, with results
 * announced per file.
 */
@customElement('quorum-import-panel')
export class QuorumImportPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles, importPanelStyles];

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog: CatalogService | undefined;

  @state() private progress: Progress | null = null;
  @state() private summary: ImportSummary | null = null;
  @state() private pasted = '';

  /** Also called by the catalog view for files dropped onto it. */
  async importFiles(files: readonly File[]): Promise<void> {
    if (this.progress || files.length === 0) return;
    const names = files.map((file) => file.name);
    this.progress = { label: `Importing ${files.length} files…`, value: 0, max: files.length };
    // Groups are stored as they are read; the bar follows the reads.
    const groups = readFileGroups(files, {
      onProgress: (read) => {
        if (read < files.length) {
          this.progress = {
            label: `Importing ${read} of ${files.length} files…`,
            value: read,
            max: files.length,
          };
        } else {
          this.progress = { label: `Saving ${files.length} files…`, value: 0, max: 0 };
        }
      },
    });
    await this.store(groups, names);
  }

  private async store(files: ImportSource, names: readonly string[]): Promise<void> {
    const catalog = this.catalog;
    if (!catalog) return;
    this.progress ??= {
      label: `Checking and saving ${names.length === 1 ? names[0] : `${names.length} files`}…`,
      value: 0,
      max: 0,
    };
    try {
      const report = await catalog.importFiles(files);
      this.summary = summarizeImport(report, names);
      if (report.ok && report.added.length > 0) void requestPersistence('import');
    } catch (error) {
      // The service reports errors as values; this catches only the unforeseen, and still names the files.
      this.summary = {
        ok: false,
        lines: [
          { text: `${names.join(', ')}: the import failed (${errorText(error)}).` },
          { text: NOTHING_IMPORTED },
        ],
      };
    } finally {
      this.progress = null;
    }
  }

  private onFilesPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Clearing lets the visitor pick the same file again after fixing it.
    input.value = '';
    void this.importFiles(files);
  }

  private async importPasted(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.pasted.trim()) {
      this.summary = summarizeRefusal([
        { fileName: PASTED_TEXT_NAME, reason: 'is empty: paste a page first.' },
      ]);
      return;
    }
    await this.store([textFile(this.pasted)], [PASTED_TEXT_NAME]);
    if (this.summary?.ok) this.pasted = '';
  }

  private async exportCatalog(): Promise<void> {
    const catalog = this.catalog;
    if (!catalog) return;
    const data = await catalog.exportCatalog();
    const fileName = catalogExportFileName(new Date());
    const text = serializeCatalogExport(data);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    const count = data.comparisons.length;
    void requestPersistence('download');
    // A copy outside the database, offered back if the browser ever deletes Quorum's data.
    const kept = await keepExport(text, { fileName, comparisons: count, savedAt: Date.now() });
    this.summary = {
      ok: true,
      lines: [
        { text: `Exported ${countOf(count, 'comparison')} to ${fileName}.` },
        {
          text: kept
            ? 'A copy is kept in this browser, apart from the catalog, in case the browser deletes the catalog.'
            : 'No copy could be kept in this browser (no space left, or not allowed): keep the downloaded file.',
        },
      ],
    };
  }

  override render() {
    const busy = this.progress !== null;
    return html`<section class="card" aria-labelledby="import-heading" aria-busy=${busy}>
      <h2 id="import-heading">Import and export</h2>
      <p class="muted">
        Add comparison pages (.txt) or a Quorum export (.json). You can also drop files onto the
        catalog.
      </p>
      <div class="actions">
        <input
          id="file"
          type="file"
          class="visually-hidden"
          accept=".txt,.json,text/plain,application/json"
          multiple
          ?disabled=${busy}
          @change=${this.onFilesPicked}
        />
        <label for="file" class="button">Import comparisons</label>
        <button class="secondary" @click=${this.exportCatalog} ?disabled=${busy}>
          Export catalog
        </button>
      </div>
      <details>
        <summary>Paste a page instead</summary>
        <form @submit=${this.importPasted}>
          <label for="paste">Page text</label>
          <textarea
            id="paste"
            rows="6"
            .value=${this.pasted}
            @input=${(event: Event) => (this.pasted = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          <button type="submit" ?disabled=${busy}>Import pasted text</button>
        </form>
      </details>
      ${
        this.progress
          ? html`<quorum-progress-bar
              .label=${this.progress.label}
              .value=${this.progress.value}
              .max=${this.progress.max}
            ></quorum-progress-bar>`
          : null
      }
      <div
        class="results ${this.summary ? (this.summary.ok ? 'ok' : 'error') : ''}"
        role="status"
        aria-live="polite"
        data-testid="import-results"
      >
        ${this.summary?.lines.map(
          (line) =>
            html`<p>
              ${line.text} ${line.detail ? html`<span class="detail">${line.detail}</span>` : null}
            </p>`,
        )}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-import-panel': QuorumImportPanel;
  }
}
