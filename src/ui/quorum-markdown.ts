// Model text as Markdown (raw HTML shown as text, sanitised), block by block so streaming text never flickers; Copy on code blocks.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderMarkdownBlocks, type RenderedBlock } from './markdown/render-markdown.js';
import { tidyStreamingMarkdown } from './markdown/streaming-markdown.js';
import { sharedStyles } from './shared-styles.js';
import { withoutCalculatorNotes } from '../shared/calculator-notes.js';

/**
 * `<quorum-markdown>`: Model text as Markdown (raw HTML shown as text, sanitised), block by block so
 * streaming text never flickers; Copy on code blocks; GSM8K's calculator annotations dropped
 * (withoutCalculatorNotes). Properties: `text`, `streaming`.
 */
@customElement('quorum-markdown')
export class QuorumMarkdown extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        overflow-wrap: anywhere;
        line-height: 1.55;
      }
      :first-child {
        margin-top: 0;
      }
      :last-child {
        margin-bottom: 0;
      }
      .code {
        position: relative;
      }
      pre {
        overflow-x: auto;
        padding: 0.75rem;
        padding-right: 4.5rem;
        border-radius: 8px;
        background: var(--q-surface-2);
        font-family: var(--q-mono);
        font-size: 0.9em;
      }
      code {
        font-family: var(--q-mono);
      }
      .copy {
        position: absolute;
        top: 0.35rem;
        right: 0.35rem;
        min-height: 2rem;
        padding: 0.2rem 0.6rem;
        font-size: 0.85rem;
      }
      table {
        border-collapse: collapse;
        display: block;
        overflow-x: auto;
      }
      th,
      td {
        border: 1px solid var(--q-border);
        padding: 0.3rem 0.5rem;
      }
    `,
  ];

  @property() text = '';
  /**
   * The text is still arriving: an open code block is closed and half-arrived fences or code spans
   * are held back (tidyStreamingMarkdown), so no prefix shows debris.
   */
  @property({ type: Boolean }) streaming = false;
  private blocks: RenderedBlock[] = [];

  override render() {
    // GSM8K's calculator annotations are for its calculator, not for reading: the result after each stays.
    const text = withoutCalculatorNotes(this.text, { streaming: this.streaming });
    const source = this.streaming ? tidyStreamingMarkdown(text) : text;
    this.blocks = renderMarkdownBlocks(source, this.blocks);
    // One part per block: a block whose HTML did not change keeps its elements (no flicker, and a
    // selection or a focused Copy button survives the next streamed token).
    return this.blocks.map((block) => html`${unsafeHTML(block.html)}`);
  }

  protected override updated(): void {
    for (const pre of this.renderRoot.querySelectorAll('pre')) {
      if (pre.parentElement?.classList.contains('code')) continue;
      // A long line scrolls sideways: the keyboard must reach it too.
      pre.tabIndex = 0;
      const wrapper = document.createElement('div');
      wrapper.className = 'code';
      pre.replaceWith(wrapper);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy secondary';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy code');
      button.addEventListener('click', () => void this.copy(pre, button));
      wrapper.append(pre, button);
    }
  }

  private async copy(pre: HTMLPreElement, button: HTMLButtonElement): Promise<void> {
    try {
      // The code only: the fences are Markdown, not part of it.
      await navigator.clipboard.writeText(
        pre.querySelector('code')?.textContent ?? pre.textContent ?? '',
      );
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-markdown': QuorumMarkdown;
  }
}
