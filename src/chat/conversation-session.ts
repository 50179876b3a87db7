// One open chat: sends a question to a registry client, streams the answer, stops, regenerates, and saves each turn.
import { ModelError } from '../models/model-client.js';
import { classifyError, type ClassifiedError } from '../shared/errors.js';
import { holdWork } from '../ui/work-in-progress.js';
import { splitModelText } from '../models/output/split-reasoning.js';
import { thinkingOf } from '../models/list/thinking.js';
import {
  conversationTitle,
  newConversation,
  type ConversationStore,
} from './conversation-store.js';
import type { ManagedModelClient } from '../models/registry-model-client.js';
import type { LoadProgress } from '../models/worker/model-protocol.js';
import type { ModelKind } from '../models/model-offer.js';
import type { ConversationRecord, ConversationTurn } from './conversation-record.js';

/** How the chat asks for each answer (maxTokens in tokens). */
export interface AnswerSettings {
  temperature: number;
  maxTokens: number;
  /** Reasoning on or off, for models whose thinking can be switched (thinkingOf); others ignore it. */
  thinking: boolean;
}

/** The chat's defaults: temperature 0.7, at most 512 tokens, thinking on. */
export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = {
  temperature: 0.7,
  maxTokens: 512,
  thinking: true,
};

/** The model a chat session talks to. */
export interface SessionModel {
  id: string;
  engine: ModelKind;
}

/** Fires 'change' on every delta and state change; the view renders from its fields. */
export class ConversationSession extends EventTarget {
  conversation: ConversationRecord | null;
  /** The answer streaming now; null when idle. */
  partial: string | null = null;
  loadProgress: LoadProgress | null = null;
  error: ClassifiedError | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly store: Pick<ConversationStore, 'save'>,
    private readonly clientFor: (modelId: string) => ManagedModelClient,
    conversation: ConversationRecord | null,
  ) {
    super();
    this.conversation = conversation;
  }

  /** The session of conversation `id` ('' starts a new one); rejects when the store cannot read it. */
  static async open(
    store: Pick<ConversationStore, 'get' | 'save'>,
    clientFor: (modelId: string) => ManagedModelClient,
    id: string,
  ): Promise<ConversationSession> {
    const conversation = id ? ((await store.get(id)) ?? null) : null;
    return new ConversationSession(store, clientFor, conversation);
  }

  get busy(): boolean {
    return this.controller !== null;
  }

  /** Asks a new question; starts the conversation with `model` when there is none yet. */
  async send(question: string, model: SessionModel, settings: AnswerSettings): Promise<void> {
    if (this.busy || question.trim() === '') return;
    const now = Date.now();
    const base = this.conversation ?? {
      ...newConversation(model.id, model.engine, now),
      title: conversationTitle(question),
    };
    await this.commit({ ...base, turns: [...base.turns, { role: 'user', content: question }] });
    await this.answer(settings);
  }

  /** Answers the last question again, replacing the answer it had. */
  async regenerate(settings: AnswerSettings): Promise<void> {
    const conversation = this.conversation;
    if (this.busy || !conversation) return;
    const turns = [...conversation.turns];
    if (turns.at(-1)?.role === 'assistant') turns.pop();
    if (turns.at(-1)?.role !== 'user') return;
    await this.commit({ ...conversation, turns });
    await this.answer(settings);
  }

  /**
   * Takes back the last question and its answer (a failed one, usually), so the visitor can ask another;
   * resolves with the turns left.
   */
  async deleteLastExchange(): Promise<number> {
    const conversation = this.conversation;
    if (this.busy || !conversation) return conversation?.turns.length ?? 0;
    const turns = [...conversation.turns];
    if (turns.at(-1)?.role === 'assistant') turns.pop();
    if (turns.at(-1)?.role === 'user') turns.pop();
    this.error = null;
    await this.commit({ ...conversation, turns });
    return turns.length;
  }

  stop(): void {
    this.controller?.abort();
  }

  private async answer(settings: AnswerSettings): Promise<void> {
    const conversation = this.conversation;
    if (!conversation) return;
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.partial = '';
    this.changed();
    const client = this.clientFor(conversation.modelId);
    // An update accepted meanwhile stops the answer first and waits until it is saved as cut short.
    let saved = (): void => undefined;
    const release = holdWork({
      what: 'a chat answer',
      stop: () => {
        controller.abort();
        return new Promise<void>((resolve) => (saved = resolve));
      },
    });
    let turn: ConversationTurn;
    try {
      if (!client.loaded) {
        await client.load((progress) => {
          this.loadProgress = progress;
          this.changed();
        }, controller.signal);
        this.loadProgress = null;
      }
      turn = await this.stream(client, conversation, settings, controller.signal);
    } catch (error) {
      const classified = error instanceof ModelError ? error : classifyError(error);
      const kind = classified.kind;
      const failure = kind === 'aborted' ? null : { kind, message: classified.message };
      this.error = failure;
      // Whatever arrived before the stop or failure is kept, marked as cut short, with why it failed.
      turn = {
        ...assistantTurn(this.partial ?? ''),
        interrupted: true,
        ...(failure ? { error: failure } : {}),
      };
    }
    this.controller = null;
    this.partial = null;
    this.loadProgress = null;
    const latest = this.conversation ?? conversation;
    await this.commit({ ...latest, turns: [...latest.turns, turn] });
    release();
    saved();
  }

  private async stream(
    client: ManagedModelClient,
    conversation: ConversationRecord,
    settings: AnswerSettings,
    signal: AbortSignal,
  ): Promise<ConversationTurn> {
    const messages = conversation.turns.map(({ role, content }) => ({ role, content }));
    const switchable = thinkingOf(conversation.modelId) === 'switchable';
    const params = {
      messages,
      temperature: settings.temperature,
      maxTokens: settings.maxTokens,
      ...(switchable ? { thinking: settings.thinking } : {}),
    };
    for await (const event of client.stream(params, signal)) {
      if (event.type === 'delta') {
        this.partial = (this.partial ?? '') + event.text;
        this.changed();
      } else {
        return {
          ...assistantTurn(this.partial ?? ''),
          ...(switchable ? { thinking: settings.thinking } : {}),
          usage: event.usage,
          ...(event.finishReason === 'length' ? { interrupted: true } : {}),
        };
      }
    }
    return { ...assistantTurn(this.partial ?? ''), interrupted: true };
  }

  /** Shows the conversation as it now is and saves it; a failed save is shown as the error. */
  private async commit(conversation: ConversationRecord): Promise<void> {
    this.conversation = { ...conversation, updatedAt: Date.now() };
    this.changed();
    try {
      await this.store.save(this.conversation);
    } catch (error) {
      this.error = classifyError(error);
      this.changed();
    }
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** An answer as kept: its answer part as the content (what follow-ups send back), reasoning beside. */
function assistantTurn(text: string): ConversationTurn {
  const { answer, reasoning } = splitModelText(text);
  return { role: 'assistant', content: answer, ...(reasoning !== null ? { reasoning } : {}) };
}
