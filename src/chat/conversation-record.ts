// What the models runtime keeps in IndexedDB: chat conversations and what loaded or failed on this device.
import type { ChatMessage, EngineKind, Usage } from '../models/worker/model-protocol.js';

export interface ConversationTurn extends ChatMessage {
  /** Usage of an assistant turn, when the model finished it. */
  usage?: Usage;
  /** Set when the answer was stopped or failed part-way. */
  interrupted?: boolean;
}

export interface ConversationRecord {
  id: string;
  modelId: string;
  engine: EngineKind;
  title: string;
  turns: ConversationTurn[];
  createdAt: number;
  updatedAt: number;
}

/** One observation for the memory planner to learn from. */
export interface DeviceLogRecord {
  id?: number;
  modelId: string;
  /** The planner's estimate at the time, in MB. */
  vramMB: number;
  /** Models already resident when this one loaded, with their estimates. */
  residentMB: number;
  outcome: 'loaded' | 'device-lost' | 'out-of-memory';
  adapterKey: string;
  at: number;
}

/** Measured accuracy of a model on checkable tasks: breaks vote ties, shows fusion gain. */
export interface ModelStatsRecord {
  modelId: string;
  correct: number;
  total: number;
  updatedAt: number;
}
