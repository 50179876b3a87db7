// One model's column in the studio: its streamed text, status and figures, earlier samples folded away.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../ui/quorum-markdown.js';
import '../../ui/quorum-reasoning.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import './quorum-stream-text.js';
import { failureText } from '../core/failure-text.js';
import { MEMBER_STALL_MS, STALL_NOTICE_MS, isSkipped } from '../core/member-stall.js';
import { judgeSummary, pairTitle } from './judge-summary.js';
import {
  segmentFigures,
  segmentView,
  silenceOf,
  type Column,
  type Segment,
} from './studio-state.js';
import { countOf } from '../../shared/count.js';

const STATUS_TEXT: Record<Segment['status'], string> = {
  streaming: 'Streaming',
  done: 'Done',
  failed: 'Failed',
};

/** A visitor's stop or skip is not a model failure: say so. */
const statusText = (segment: Segment): string =>
  isSkipped(segment.error)
    ? 'Skipped'
    : segment.error?.kind === 'aborted'
      ? 'Stopped'
      : STATUS_TEXT[segment.status];

/** Whole seconds, as the stall notice says them. */
const seconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * `<quorum-member-column>`: One model's column in the studio: its streamed text, status and figures, earlier
 * samples folded away. Properties: `column`, `now`. Fires `skip-member`.
 */
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
      .flow > quorum-markdown + quorum-markdown {
        margin-top: 1em;
      }
      /* Frozen chunks out of the scroll area's view are skipped, not laid out or painted. */
      .chunk {
        content-visibility: auto;
        contain-intrinsic-size: auto 12rem;
      }
      .no-answer {
        font-style: italic;
        color: var(--q-muted);
      }
      .error {
        color: var(--q-danger);
        font-size: 0.9rem;
      }
      .stall {
        margin: 0.25rem 0 0.5rem;
        padding: 0.4rem 0.5rem;
        border-radius: 6px;
        background: var(--q-warning-bg);
        border: 1px solid var(--q-border);
        font-size: 0.85rem;
      }
      .stall button {
        margin-top: 0.35rem;
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
  /** Keys (tag@start) of earlier outputs the visitor opened: only those render their Markdown. */
  @state() private opened = new Set<string>();

  override render() {
    const column = this.column;
    if (!column) return nothing;
    const latest = column.segments.at(-1);
    const earlier = column.segments.slice(0, -1);
    const silence = latest && column.role === 'member' ? silenceOf(latest, this.now) : null;
    const stalled = latest && silence !== null && silence >= STALL_NOTICE_MS;
    return html`<header>
        <h3>${column.role === 'judge' ? `Judge: ${column.label}` : column.label}</h3>
        ${column.simulated ? html`<span class="badge">Simulated</span>` : nothing}
        <span class="status ${latest?.status ?? ''}" data-testid="column-status"
          >${
            stalled
              ? `No tokens for ${seconds(silence)} s`
              : latest
                ? statusText(latest)
                : 'Waiting'
          }</span
        >
      </header>
      ${latest ? this.figures(latest) : nothing}
      ${stalled ? this.stallNotice(column, latest.stallMs ?? MEMBER_STALL_MS) : nothing}
      ${latest ? this.segment(latest, true) : html`<p class="muted">Waiting for its turn…</p>`}
      ${earlier.length ? this.earlierOutputs(earlier) : nothing}`;
  }

  private figures(segment: Segment) {
    const f = segmentFigures(segment, this.now);
    // Dashes for figures not there yet read as broken ("first token — — tok/s"): say what is awaited.
    if (f.firstTokenMs === null && f.tokens === 0)
      return html`<div class="figures">
        <span>${segment.status === 'streaming' ? 'waiting for the first token' : 'no tokens'}</span>
      </div>`;
    return html`<div class="figures">
      <span>${f.exact ? '' : '≈'}${countOf(f.tokens, 'token')}</span>
      ${
        f.firstTokenMs === null
          ? nothing
          : html`<span>first token ${Math.round(f.firstTokenMs)} ms</span>`
      }
      ${f.tokensPerS === null ? nothing : html`<span>${f.tokensPerS.toFixed(1)} tok/s</span>`}
    </div>`;
  }

  /** The limit, stated, and the way out before it: the others decide without this model. */
  private stallNotice(column: Column, limitMs: number) {
    const skip = () =>
      this.dispatchEvent(
        new CustomEvent<string>('skip-member', {
          detail: column.modelId,
          bubbles: true,
          composed: true,
        }),
      );
    return html`<div class="stall" data-testid="stall-notice">
      <div>
        ${column.label} has sent no tokens for a while. A model silent for ${seconds(limitMs)} s is
        dropped from this run, and the others decide.
      </div>
      <button type="button" @click=${skip}>Skip this model</button>
    </div>`;
  }

  private segment(segment: Segment, live: boolean) {
    const key = `${segment.tag}@${segment.startedAt}`;
    const view = segmentView(segment);
    const verdict =
      this.column?.role === 'judge' && segment.status === 'done'
        ? judgeSummary(segment.tag, view.answer)
        : null;
    if (verdict !== null) return judgedSegment(segment, verdict, view.answer);
    const answer = live
      ? html`<quorum-stream-text
          class="text"
          tabindex="0"
          role="group"
          aria-label=${`${this.column?.label ?? ''}, ${segment.tag}`}
          data-testid="column-text"
          .key=${key}
          .text=${view.answer}
          .streaming=${segment.status === 'streaming'}
        ></quorum-stream-text>`
      : this.opened.has(key)
        ? html`<quorum-markdown
            class="text"
            data-testid="column-text"
            .text=${view.answer}
          ></quorum-markdown>`
        : nothing;
    const onlyReasoning = segment.status !== 'streaming' && !view.answer && view.reasoning !== null;
    return html`<div class="tag">${pairTitle(segment.tag)}</div>
      ${reasoningPart(view.reasoning, view.thinking && segment.status === 'streaming')}
      ${onlyReasoning ? html`<p class="no-answer">No answer, only reasoning.</p>` : nothing}
      ${answer}
      ${
        segment.error && failureText(segment.error, true)
          ? html`<p class="error" role="status">${failureText(segment.error, true)}</p>`
          : nothing
      }`;
  }

  private earlierOutputs(earlier: readonly Segment[]) {
    // Folded outputs render their Markdown only once opened: a long earlier sample rendered the
    // moment the next one starts would hold up the page.
    const toggled = (event: Event) => {
      const details = event.currentTarget as HTMLDetailsElement;
      if (!details.open) return;
      this.opened = new Set([...this.opened, ...earlier.map((s) => `${s.tag}@${s.startedAt}`)]);
    };
    return html`<details @toggle=${toggled}>
      <summary>Earlier outputs (${earlier.length})</summary>
      ${earlier.map((s) => this.segment(s, false))}
    </details>`;
  }
}

/** A judging call in words, with what the judge wrote (its JSON) one click away. */
function judgedSegment(segment: Segment, verdict: string, written: string) {
  return html`<div class="tag">${pairTitle(segment.tag)}</div>
    <p class="text verdict" data-testid="column-text">${verdict}</p>
    <details>
      <summary>As the judge wrote it</summary>
      <div class="text">${written}</div>
    </details>`;
}

/** The model's reasoning, folded; "Thinking…" while its block is still open. */
function reasoningPart(reasoning: string | null, thinking: boolean) {
  if (reasoning === null && !thinking) return nothing;
  return html`<quorum-reasoning .text=${reasoning ?? ''} .thinking=${thinking}></quorum-reasoning>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-member-column': QuorumMemberColumn;
  }
}
