// The one IndexedDB schema of Quorum: database `quorum`, every store and index it holds.
import type { DBSchema } from 'idb';
import type { ComparisonRecord, ToolRecord } from '../catalog/types.js';
import type { RunRecord } from '../fusion/history/run-record.js';
import type { ConversationRecord } from '../chat/conversation-record.js';
import type { ModelStatsRecord } from '../fusion/measure/model-stats-record.js';
import type { DeviceLogRecord } from '../models/gpu/memory-budget.js';
import type { VoteRecord } from '../arena/votes/vote-record.js';
import type { RecordingRecord } from '../models/list/recorded-models.js';
import type { LabAnswerRecord, LabRunRecord, LabTaskSetRecord } from '../lab/run/lab-records.js';
import type { EndpointRecord } from '../models/remote/endpoint-record.js';

/** The database's name; a contract. */
export const DB_NAME = 'quorum';
/** The schema version; raised only with a new upgrade step. */
export const DB_VERSION = 2;

/** The schema: every store of `quorum`, its keys, values and indexes. */
export interface QuorumDB extends DBSchema {
  comparisons: {
    key: string;
    value: ComparisonRecord;
    indexes: { 'by-tool': string; 'by-category': string; 'by-imported': number };
  };
  tools: {
    key: string;
    value: ToolRecord;
    indexes: { 'by-name': string };
  };
  settings: {
    key: string;
    value: unknown;
  };
  conversations: {
    key: string;
    value: ConversationRecord;
    indexes: { 'by-updated': number };
  };
  runs: {
    key: string;
    value: RunRecord;
    indexes: { 'by-created': number };
  };
  deviceLog: {
    key: number;
    value: DeviceLogRecord;
    indexes: { 'by-model': string };
  };
  modelStats: {
    key: string;
    value: ModelStatsRecord;
  };
  /** Arena and judge votes (version 2), keyed by voteId: `<ISO time>|<hash>`. */
  votes: {
    key: string;
    value: VoteRecord;
  };
  /** Version 2: evaluation lab runs, their answers, the visitor's task sets, imported recordings. */
  labRuns: {
    key: string;
    value: LabRunRecord;
    indexes: { 'by-created': number };
  };
  labAnswers: {
    key: [string, number, string];
    value: LabAnswerRecord;
    indexes: { 'by-run': string };
  };
  labTaskSets: {
    key: string;
    value: LabTaskSetRecord;
  };
  recordings: {
    key: string;
    value: RecordingRecord;
  };
  /** Version 2: OpenAI-compatible endpoints the visitor added (API keys stay in this store only). */
  endpoints: {
    key: string;
    value: EndpointRecord;
  };
}
