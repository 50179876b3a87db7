// One model's column in the studio: its streamed text, status and figures, earlier samples folded away.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../ui/quorum-markdown.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { splitMarkdown } from './markdown-pieces.js';
import { markdownTurn } from './markdown-turns.js';
import './quorum-stream-text.js';
import { segmentFigures, type Column, type Segment } from './studio-state.js';

const STATUS_TEXT: Record<Segment['status'], string> = {
  streaming: 'Streaming',
  done: 'Done',
  failed: 'Failed',
};

/** A visitor's stop is not a model failure: say so. */
const statusText = (segment: Segment): string =>
  segment.error?.kind === 'aborted' ? 'Stopped' : STATUS_TEXT[segment.status];

@customElement('quorum-member-column')
export class QuorumMemberColumn extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-width: 0;
        padding: 0.75rem;
        /* A column's streaming text never changes the layout or paint of anything outside it. */
        contain: content;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.5rem;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      .badge {
        font-size: 0.75rem;
        font-weight: 700;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        background: var(--q-warning-bg);
        border: 1px solid var(--q-border);
      }
      .status {
        font-size: 0.85rem;
        font-weight: 600;
      }
      .status.failed {
        color: var(--q-danger);
      }
      .figures {
        display: flex;
        flex-wrap: wrap;
        gap: 0.15rem 0.75rem;
        margin: 0.35rem 0 0.5rem;
        font-size: 0.8rem;
        color: var(--q-muted);
        font-variant-numeric: tabular-nums;
      }
      .tag {
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--q-muted);
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-height: 22rem;
        overflow-y: auto;
        margin: 0.25rem 0;
        contain: content;
      }
      quorum-stream-text {
        display: block;
      }
      quorum-stream-text.long {
        height: 22rem;
        contain: strict;
      }
      .markdown {
        white-space: normal;
      }
      .markdown > .plain {
        white-space: pre-wrap;
        content-visibility: auto;
        contain-intrinsic-size: auto 12rem;
      }
      .markdown > quorum-markdown + * {
        margin-top: 1em;
      }
      /* Only the text is pre-wrapped: the template's own whitespace between blocks must not show. */
      .flow {
        white-space: normal;
      }
      .flow > div {
        white-space: pre-wrap;
      }
      /* Frozen chunks out of the scroll area's view are skipped, not laid out or painted. */
      .chunk {
        content-visibility: auto;
        contain-intrinsic-size: auto 12rem;
      }
      .error {
        color: var(--q-danger);
        font-size: 0.9rem;
      }
      details {
        margin-top: 0.5rem;
        font-size: 0.9rem;
      }
      details .text {
        max-height: 12rem;
      }
    `,
  ];

  @property({ attribute: false }) column: Column | null = null;
  /** Page clock for live figures; the view passes it each frame. */
  @property({ attribute: false }) now = 0;
  /**
   * The finished segment's Markdown, rendered one piece per turn (turns go round the columns, one
   * per frame): a long answer parsed, sanitised and laid out at once would block the page.
   */
  @state() private markdown: { segment: Segment; pieces: string[]; rendered: number } | null = null;

  protected override willUpdate(): void {
    const latest = this.column?.segments.at(-1);
    if (latest?.status !== 'done' || this.markdown?.segment === latest) return;
    const markdown = { segment: latest, pieces: splitMarkdown(latest.text), rendered: 0 };
    this.markdown = markdown;
    void this.renderPieces(markdown);
  }

  private async renderPieces(markdown: NonNullable<typeof this.markdown>): Promise<void> {
    for (let rendered = 1; rendered <= markdown.pieces.length; rendered++) {
      await markdownTurn();
      // A newer answer took the column's place meanwhile.
      if (this.markdown?.segment !== markdown.segment) return;
      this.markdown = { ...markdown, rendered };
    }
  }

  override render() {
    const column = this.column;
    if (!column) return nothing;
    const latest = column.segments.at(-1);
    const earlier = column.segments.slice(0, -1);
    return html`<header>
        <h3>${column.role === 'judge' ? `Judge: ${column.label}` : column.label}</h3>
        ${column.simulated ? html`<span class="badge">Simulated</span>` : nothing}
        <span class="status ${latest?.status ?? ''}" data-testid="column-status"
          >${latest ? statusText(latest) : 'Waiting'}</span
        >
      </header>
      ${latest ? this.figures(latest) : nothing}
      ${latest ? this.segment(latest, true) : html`<p class="muted">Waiting for its turn…</p>`}
      ${
        earlier.length
          ? html`<details>
              <summary>Earlier outputs (${earlier.length})</summary>
              ${earlier.map((s) => this.segment(s, false))}
            </details>`
          : nothing
      }`;
  }

  private figures(segment: Segment) {
    const f = segmentFigures(segment, this.now);
    return html`<div class="figures">
      <span>${f.exact ? '' : '≈'}${f.tokens} tokens</span>
      <span>first token ${f.firstTokenMs === null ? '—' : `${Math.round(f.firstTokenMs)} ms`}</span>
      <span>${f.tokensPerS === null ? '— tok/s' : `${f.tokensPerS.toFixed(1)} tok/s`}</span>
    </div>`;
  }

  private segment(segment: Segment, live: boolean) {
    // Streaming text stays plain: parsing Markdown on every frame would be wasted work.
    const markdown = live && this.markdown?.segment === segment ? this.markdown : null;
    const body = markdown
      ? markdownBody(markdown)
      : live
        ? html`<quorum-stream-text
            class="text"
            data-testid="column-text"
            .key=${`${segment.tag}@${segment.startedAt}`}
            .text=${segment.text}
          ></quorum-stream-text>`
        : html`<div class="text" data-testid="column-text">${segment.text}</div>`;
    return html`<div class="tag">${segment.tag}</div>
      ${body}
      ${
        segment.error
          ? html`<p class="error" role="status">${segment.error.kind}: ${segment.error.message}</p>`
          : nothing
      }`;
  }
}

/** Rendered pieces, then the rest still as plain text blocks until their turn comes. */
function markdownBody({ pieces, rendered }: { pieces: string[]; rendered: number }) {
  return html`<div class="text markdown">
    ${pieces.map((piece, i) =>
      i < rendered
        ? html`<quorum-markdown .text=${piece}></quorum-markdown>`
        : html`<div class="plain">${piece}</div>`,
    )}
  </div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-member-column': QuorumMemberColumn;
  }
}
