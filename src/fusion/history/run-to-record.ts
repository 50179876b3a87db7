// Turns a finished fusion into the record the `runs` store keeps.
import type { ChatMessage, ModelClient } from '../../models/model-client.js';
import { optionsToRecord } from '../core/options.js';
import type { FusionResult } from '../run-fusion.js';
import type { RunRecord } from './run-record.js';
import type { FusionMode } from '../modes/trace.js';

/** What the studio knows of a run before it ends: its id, mode, conversation, models and start (epoch ms). */
export interface RunRecordInput {
  id: string;
  mode: FusionMode;
  prompt: string;
  history: readonly ChatMessage[];
  pool: readonly ModelClient[];
  judge: ModelClient | null;
  createdAt: number;
}

/**
 * The record the `runs` store keeps for a finished (or stopped, or failed) run; the judge is merge's
 * aggregator or best-of's judge.
 */
export function toRunRecord(input: RunRecordInput, result: FusionResult): RunRecord {
  const trace = result.trace;
  const judgeId =
    trace.mode === 'merge'
      ? trace.aggregatorId
      : trace.mode === 'best-of'
        ? (input.judge?.id ?? trace.pairs[0]?.orders[0]?.judgeId ?? null)
        : null;
  const clients = [...input.pool, ...(input.judge ? [input.judge] : [])];
  const models = clients
    .filter((client, index) => clients.findIndex((c) => c.id === client.id) === index)
    .map((client) => ({
      id: client.id,
      label: client.label,
      simulated: client.simulated,
      ...(client.source ? { source: client.source } : {}),
    }));
  return {
    id: input.id,
    mode: input.mode,
    prompt: input.prompt,
    history: [...input.history],
    poolIds: input.pool.map((client) => client.id),
    judgeId,
    models,
    simulated: models.some((model) => model.simulated),
    options: optionsToRecord(result.options),
    thinking: { members: { ...result.options.thinking }, judge: result.options.judgeThinking },
    answers: result.answers,
    finalAnswer: result.finalAnswer,
    trace: result.trace,
    cost: result.cost,
    status: result.status,
    createdAt: input.createdAt,
    finishedAt: input.createdAt + (result.finishedAt - result.startedAt),
  };
}
