// Chat conversations in the `conversations` store: create, list newest first, save, delete.
import type { QuorumDatabase } from '../db/open-database.js';
import type { ModelKind } from '../models/model-offer.js';
import type { ConversationRecord } from './conversation-record.js';

const TITLE_LENGTH = 60;

/** The first line of the first question, shortened: how the visitor finds the conversation again. */
export function conversationTitle(firstQuestion: string): string {
  const line = firstQuestion.trim().split('\n')[0]?.trim() ?? '';
  if (line === '') return 'New conversation';
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

/**
 * An empty conversation with a model, titled "New conversation", created at `now` (epoch ms); not yet stored.
 */
export function newConversation(
  modelId: string,
  engine: ModelKind,
  now: number,
  id: string = crypto.randomUUID(),
): ConversationRecord {
  return {
    id,
    modelId,
    engine,
    title: 'New conversation',
    turns: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** The `conversations` store on the app's one database connection. */
export class ConversationStore {
  constructor(private readonly db: QuorumDatabase) {}

  /** Newest first (by last update). */
  async list(): Promise<ConversationRecord[]> {
    return (await this.db.getAllFromIndex('conversations', 'by-updated')).reverse();
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.db.get('conversations', id);
  }

  async save(conversation: ConversationRecord): Promise<void> {
    await this.db.put('conversations', conversation);
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('conversations', id);
  }
}
