// Markdown rendered with marked and sanitised with DOMPurify, with a copy button on every code block.
import DOMPurify from 'dompurify';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { marked } from 'marked';
import { sharedStyles } from './shared-styles.js';

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

  override render() {
    // Model output is untrusted: sanitise after parsing, so raw HTML in it cannot run.
    const parsed = marked.parse(this.text, { async: false, gfm: true, breaks: true });
    return html`${unsafeHTML(DOMPurify.sanitize(parsed))}`;
  }

  protected override updated(): void {
    for (const pre of this.renderRoot.querySelectorAll('pre')) {
      if (pre.parentElement?.classList.contains('code')) continue;
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
      await navigator.clipboard.writeText(pre.textContent ?? '');
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
