// A chat conversation as the `conversations` store keeps it.
import type { ModelKind } from '../models/model-offer.js';
import type { ChatMessage, Usage } from '../models/model-client.js';
import type { ErrorKind } from '../shared/errors.js';

/** `content` of an assistant turn is the answer part only: it is what the next question sends back. */
export interface ConversationTurn extends ChatMessage {
  /** The model's `<think>` reasoning of an assistant turn, when it wrote any (never sent back). */
  reasoning?: string;
  /** Whether the model was asked to reason, for models whose thinking can be switched. */
  thinking?: boolean;
  /** Usage of an assistant turn, when the model finished it. */
  usage?: Usage;
  /** Set when the answer was stopped or failed part-way. */
  interrupted?: boolean;
  /** Why the answer failed (the model did not load, its worker died…); absent when the visitor stopped it. */
  error?: { kind: ErrorKind; message: string };
}

/** A chat conversation as the `conversations` store keeps it (times in epoch ms). */
export interface ConversationRecord {
  id: string;
  modelId: string;
  engine: ModelKind;
  title: string;
  turns: ConversationTurn[];
  createdAt: number;
  updatedAt: number;
}
