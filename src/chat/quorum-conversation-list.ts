// The saved conversations, newest first: open one, or delete it.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/shared-styles.js';
import type { ConversationRecord } from './conversation-record.js';
import { conversationTime } from './conversation-time.js';
import { excerpt } from '../shared/excerpt.js';

/**
 * `<quorum-conversation-list>`: The saved conversations, newest first: open one, or delete it. Properties:
 * `conversations`, `currentId`, `hrefFor`, `nameOf`. Fires `conversation-delete` once the visitor
 * has confirmed.
 */
@customElement('quorum-conversation-list')
export class QuorumConversationList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.35rem;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.25rem;
        border-radius: 8px;
      }
      li.current {
        background: var(--q-surface-2);
      }
      a {
        flex: 1;
        min-width: 0;
        padding: 0.4rem 0.5rem;
        display: block;
      }
      /* The whole title (at most 60 characters, conversation-store.ts), wrapped, not its first 14. */
      .title {
        display: block;
        overflow-wrap: anywhere;
      }
      small {
        display: block;
        color: var(--q-muted);
        overflow-wrap: anywhere;
      }
      button {
        min-height: 2.25rem;
        padding: 0.25rem 0.6rem;
      }
    `,
  ];

  @property({ attribute: false }) conversations: ConversationRecord[] = [];
  @property() currentId = '';
  /** Builds a conversation's link (the view keeps the engine parameter on it). */
  @property({ attribute: false }) hrefFor: (id: string) => string = (id) => `/chat/${id}`;
  /** A model's name by id (the view passes the registry's labels). */
  @property({ attribute: false }) nameOf: (modelId: string) => string = (id) => id;

  /** Asks first, as the history's Delete does: a deleted conversation cannot be brought back. */
  private requestDelete(conversation: ConversationRecord): void {
    if (!confirm(`Delete this conversation?\n\n${excerpt(conversation.title, 140)}`)) return;
    this.dispatchEvent(
      new CustomEvent('conversation-delete', {
        detail: conversation.id,
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    if (this.conversations.length === 0) return html`<p class="muted">No conversations yet.</p>`;
    const now = Date.now();
    return html`<ul>
      ${this.conversations.map(
        (c) =>
          html`<li class=${c.id === this.currentId ? 'current' : ''}>
            <a href=${this.hrefFor(c.id)} aria-current=${c.id === this.currentId ? 'page' : 'false'}
              ><span class="title">${c.title}</span
              ><small
                >${this.nameOf(c.modelId)} ·
                <time datetime=${new Date(c.updatedAt).toISOString()}
                  >${conversationTime(c.updatedAt, now)}</time
                ></small
              ></a
            >
            <button
              class="secondary"
              aria-label=${`Delete conversation “${c.title}”`}
              @click=${() => this.requestDelete(c)}
            >
              Delete
            </button>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-conversation-list': QuorumConversationList;
  }
  interface HTMLElementEventMap {
    'conversation-delete': CustomEvent<string>;
  }
}
