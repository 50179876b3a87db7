// The single-model chat at /chat and /chat/:id: pick a model (any simulated one in simulated mode), stream answers, stop, regenerate, reopen.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { navigate } from '../ui/navigate.js';
import { ChangeRevisionController } from '../ui/change-revision-controller.js';
import '../ui/quorum-empty-state.js';
import '../ui/quorum-error-state.js';
import { showToast } from '../ui/toast-event.js';
import { visitorMessage } from '../shared/errors.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { chatViewStyles } from './chat-view-styles.js';
import type { ConversationStore } from './conversation-store.js';
import { conversationStoreContext } from './conversation-store-context.js';
import {
  ConversationSession,
  DEFAULT_ANSWER_SETTINGS,
  type AnswerSettings,
} from './conversation-session.js';
import { withEngineParam } from '../models/list/engine-mode.js';
import { modelRegistryContext } from '../models/model-registry-context.js';
import type { AvailableModel, ModelRegistry } from '../models/model-registry.js';
import { findRegistryModel } from '../models/list/registry-models.js';
import { offeredModels } from '../models/offered-models.js';
import { thinkingOf } from '../models/list/thinking.js';
import { FollowNewest } from './follow-newest.js';
import './quorum-chat-composer.js';
import './quorum-chat-turn.js';
import './quorum-conversation-list.js';
import '../models/download/quorum-download-progress.js';
import '../models/quorum-model-error.js';

/** What a visitor can do when the conversations' storage fails in a way Quorum does not know. */
const RETRY = 'Reload the page and try again.';

/**
 * `<quorum-chat-view>`: The single-model chat at /chat and /chat/:id: pick a downloaded model (in
 * simulated mode any simulated one: Send loads it), stream answers, stop, regenerate, reopen. Routed: the router sets `params` and `query`.
 */
@customElement('quorum-chat-view')
export class QuorumChatView extends LitElement {
  static override styles = [sharedStyles, chatViewStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: modelRegistryContext, subscribe: true })
  @state()
  private registry: ModelRegistry | undefined;

  @consume({ context: conversationStoreContext, subscribe: true })
  @state()
  private store: ConversationStore | undefined;

  @state() private session: ConversationSession | null = null;
  @state() private pickedModel = '';
  @state() private settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS;
  @state() private listRevision = 0;
  @state() private openError: string | null = null;
  /** Conversations beside the chat on wide screens; on a phone they start folded away. */
  private readonly wide = matchMedia('(min-width: 860px)').matches;
  /** The conversation and turn count last scrolled to, so the newest message is shown once per change. */
  private scrolledFor = '';
  /** First turn answered while open here (Infinity till one runs): earlier failures are not announced. */
  private liveFrom = Infinity;
  private readonly follow = new FollowNewest(this);
  private opening = 0; // Counts conversation opens: only the latest one's session is shown.

  private readonly revision = new ChangeRevisionController(this, () => this.registry);
  protected readonly sessionRevision = new ChangeRevisionController(
    this,
    () => this.session ?? undefined,
  );

  /** The studio's rule (offeredModels): in simulated mode every simulated model, loaded at Send. */
  private readonly available = new Task(this, {
    task: ([registry]) => (registry ? offeredModels(registry) : Promise.resolve([])),
    args: () => [this.registry, this.revision.value] as const,
  });

  private readonly conversations = new Task(this, {
    task: ([store]) => store?.list() ?? Promise.resolve([]),
    args: () => [this.store, this.listRevision] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('params') || changed.has('registry') || changed.has('store'))
      void this.openSession();
    if (changed.has('query')) this.pickedModel = this.query.get('model') ?? this.pickedModel;
  }

  private async openSession(): Promise<void> {
    const { registry, store } = this;
    if (!registry || !store) return;
    const id = this.params.id ?? '';
    if (this.session && (this.session.conversation?.id ?? '') === id) return;
    this.session?.stop();
    const asked = ++this.opening;
    const session = await ConversationSession.open(store, (m) => registry.client(m), id).catch(
      (error: unknown) => `It could not be read. ${visitorMessage(error, RETRY)}`,
    );
    // The visitor moved on while it was read (New conversation, another one): the later open stands.
    if (asked !== this.opening) return;
    if (typeof session === 'string') return void (this.openError = session);
    this.openError = id && !session.conversation ? 'No saved conversation has this address.' : null;
    this.liveFrom = Infinity;
    session.addEventListener('change', () => {
      if (session.busy)
        this.liveFrom = Math.min(this.liveFrom, session.conversation?.turns.length ?? 0);
      if (session.partial === null) this.listRevision += 1;
    });
    this.session = session;
    if (session.conversation) this.pickedModel = session.conversation.modelId;
  }

  /** Opening a conversation or adding a turn shows the newest message (follow-newest.ts). */
  protected override updated(): void {
    this.follow.watch(this.renderRoot.querySelector('ol.turns'));
    const conversation = this.session?.conversation;
    const key = conversation ? `${conversation.id}:${conversation.turns.length}` : '';
    if (key === this.scrolledFor) return;
    this.scrolledFor = key;
    if (conversation?.turns.length) this.follow.pin();
  }

  private async deleteLastExchange(): Promise<void> {
    const session = this.session;
    const id = session?.conversation?.id;
    if (!session || !id) return;
    if ((await session.deleteLastExchange()) === 0) await this.removeConversation(id);
  }

  private link(path: string): string {
    return withEngineParam(path, location.search);
  }

  private currentModel(models: AvailableModel[]): AvailableModel | undefined {
    const id = this.session?.conversation?.modelId ?? this.pickedModel;
    return models.find((m) => m.id === id) ?? (id ? undefined : models[0]);
  }

  private async send(model: AvailableModel | undefined, text: string): Promise<void> {
    const session = this.session;
    if (!session || !model || text.trim() === '' || session.busy) return;
    const wasNew = session.conversation === null;
    const done = session.send(text, { id: model.id, engine: model.engine }, this.settings);
    // The conversation has its id once the question is saved: give it its own address.
    if (wasNew && session.conversation) {
      navigate(this.link(`/chat/${session.conversation.id}`), { replace: true });
    }
    await done;
  }

  private async removeConversation(id: string): Promise<void> {
    if (!this.store) return;
    if (this.session?.conversation?.id === id) this.session.stop();
    const failed = await this.store
      .delete(id)
      .catch((error: unknown) => visitorMessage(error, RETRY));
    if (failed) return showToast(this, `The conversation was not deleted. ${failed}`, 'error');
    this.listRevision += 1;
    if (this.params.id === id) navigate(this.link('/chat'), { replace: true });
  }

  override render() {
    const models = this.available.value ?? [];
    const model = this.currentModel(models);
    return html`<h1 tabindex="-1">Chat</h1>
      <div class="layout">
        <aside aria-labelledby="conversations-heading">
          <details ?open=${this.wide}>
            <summary id="conversations-heading">Conversations</summary>
            <a class="button new" href=${this.link('/chat')}>New conversation</a>
            <quorum-conversation-list
              .conversations=${this.conversations.value ?? []}
              .currentId=${this.params.id ?? ''}
              .hrefFor=${(id: string) => this.link(`/chat/${id}`)}
              .nameOf=${(id: string) => findRegistryModel(id)?.label ?? id}
              @conversation-delete=${(e: CustomEvent<string>) => void this.removeConversation(e.detail)}
            ></quorum-conversation-list>
          </details>
        </aside>
        <section class="chat" aria-label="Conversation">${this.renderChat(models, model)}</section>
      </div>`;
  }

  private renderChat(models: AvailableModel[], model: AvailableModel | undefined) {
    const session = this.session;
    if (this.openError)
      return html`<quorum-error-state
        heading="Could not open this conversation"
        .message=${this.openError}
      ></quorum-error-state>`;
    if (!this.registry || !session || this.available.value === undefined) {
      return html`<p>Loading…</p>`;
    }
    const conversation = session.conversation;
    if (models.length === 0 && !conversation) {
      return html`<quorum-empty-state heading="No downloaded model yet">
        <p>Download a model first, then come back to chat with it.</p>
        <a class="button" href=${this.link('/models')}>Open the model manager</a>
      </quorum-empty-state>`;
    }
    const simulated = conversation ? conversation.engine === 'sim' : (model?.simulated ?? false);
    const label = model?.label ?? conversation?.modelId ?? '';
    const turns = conversation?.turns ?? [];
    // A failed answer shows its own error; the error line below is for what no turn says (a failed save).
    const shownError = session.error && !turns.at(-1)?.error ? session.error : null;
    return html`${this.renderModelPicker(models, model, conversation !== null)}
      <ol
        class="turns"
        aria-label="Messages"
        @turn-retry=${() => void session.regenerate(this.settings)}
        @turn-delete=${() => void this.deleteLastExchange()}
      >
        ${turns.map(
          (turn, i) =>
            html`<li>
              <quorum-chat-turn
                .turn=${turn}
                .modelLabel=${label}
                ?simulated=${simulated}
                ?actions=${i === turns.length - 1 && !session.busy}
                ?quiet=${i < this.liveFrom}
              ></quorum-chat-turn>
            </li>`,
        )}
        ${
          session.partial !== null
            ? html`<li>
                <quorum-chat-turn
                  .turn=${{ role: 'assistant', content: session.partial }}
                  .modelLabel=${label}
                  ?simulated=${simulated}
                  streaming
                  aria-busy="true"
                ></quorum-chat-turn>
              </li>`
            : null
        }
      </ol>
      ${
        session.loadProgress
          ? html`<quorum-download-progress
              .label=${`Loading ${label}`}
              .progress=${session.loadProgress}
            ></quorum-download-progress>`
          : null
      }
      ${shownError ? html`<quorum-model-error .error=${shownError}></quorum-model-error>` : null}
      ${this.renderComposer(model, session)}`;
  }

  private renderModelPicker(
    models: AvailableModel[],
    model: AvailableModel | undefined,
    locked: boolean,
  ) {
    if (locked) {
      return html`<p class="model-line">
        Model: <strong>${model?.label ?? this.session?.conversation?.modelId}</strong>
        ${model ? null : html`<span class="muted">(no longer downloaded)</span>`}
      </p>`;
    }
    return html`<p class="model-line">
      <label for="model">Model</label>
      <select
        id="model"
        .value=${model?.id ?? ''}
        @change=${(e: Event) => (this.pickedModel = (e.target as HTMLSelectElement).value)}
      >
        ${models.map(
          (m) => html`<option value=${m.id} ?selected=${m.id === model?.id}>${m.label}</option>`,
        )}
      </select>
    </p>`;
  }

  private renderComposer(model: AvailableModel | undefined, session: ConversationSession) {
    return html`<quorum-chat-composer
      ?busy=${session.busy}
      ?disabled=${!model}
      ?canRegenerate=${(session.conversation?.turns.length ?? 0) > 0}
      .settings=${this.settings}
      ?switchable=${model !== undefined && thinkingOf(model.id) === 'switchable'}
      @composer-send=${(e: CustomEvent<string>) => void this.send(model, e.detail)}
      @composer-stop=${() => session.stop()}
      @composer-regenerate=${() => void session.regenerate(this.settings)}
      @settings-change=${(e: CustomEvent<AnswerSettings>) => (this.settings = e.detail)}
    ></quorum-chat-composer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-chat-view': QuorumChatView;
  }
}
