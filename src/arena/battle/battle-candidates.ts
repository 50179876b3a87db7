// The models a battle can use: those the studio offers (offeredModels), and the lab's recorded GSM8K models as a group of their own.
import type { ModelRegistry } from '../../models/model-registry.js';
import { SIM_MODELS } from '../../models/list/sim-models.js';
import { GSM8K_RECORDED_MODELS } from '../../models/list/recorded-models.js';
import { usesPageGpu } from '../../models/model-offer.js';
import { offeredModels } from '../../models/offered-models.js';

/** A model a battle can use, with what the battle must say about it (simulated, recorded, fixed sampling). */
export interface BattleCandidate {
  id: string;
  label: string;
  simulated: boolean;
  vramMB: number;
  /** A recorded model's source (whose answers it replays); absent for a model answering here. */
  recordedSource?: string;
  /** True when a web page cannot set its sampling (Chrome's built-in model): no independent samples. */
  fixedSampling?: boolean;
}

/**
 * The models the studio's pool and the chat offer (offeredModels, the one rule: this device's
 * downloaded models smallest first, or in simulated mode every simulated model, smallest first; then
 * models on the visitor's servers and the browser's built-in model, in either mode), recorded ones
 * aside: the arena battles those as their own group (recordedCandidates). Those whose sampling a web
 * page cannot set say so (`fixedSampling`).
 */
export async function battleCandidates(registry: ModelRegistry): Promise<BattleCandidate[]> {
  return (await offeredModels(registry)).map(({ id, label, simulated, vramMB, engine }) => ({
    id,
    label,
    simulated,
    vramMB,
    ...(!usesPageGpu({ engine }) && registry.client(id).independentSamples === false
      ? { fixedSampling: true }
      : {}),
  }));
}

/**
 * The lab's four recorded GSM8K models (not those of imported recordings: they answered other
 * questions, each its own): they battle each other on the GSM8K problems they answered.
 */
export async function recordedCandidates(registry: ModelRegistry): Promise<BattleCandidate[]> {
  const gsm8k = new Set(GSM8K_RECORDED_MODELS.map((m) => m.id));
  return (await registry.recordedModels())
    .filter((m) => gsm8k.has(m.id))
    .map(({ id, label, simulated, vramMB, source }) => ({
      id,
      label,
      simulated,
      vramMB,
      recordedSource: source,
    }));
}

/**
 * A label for every model the registry knows, every simulated model (votes cast in simulated mode
 * stay on the leaderboard in the other mode) and the recorded GSM8K models, for the leaderboard.
 */
export async function modelLabels(registry: ModelRegistry): Promise<Map<string, string>> {
  const labels = new Map([...SIM_MODELS, ...GSM8K_RECORDED_MODELS].map((m) => [m.id, m.label]));
  for (const m of await registry.models()) labels.set(m.id, m.label);
  for (const m of await registry.available()) labels.set(m.id, m.label);
  return labels;
}
