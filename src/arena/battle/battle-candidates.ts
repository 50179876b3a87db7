// The models a battle can use: the downloaded ones, and in simulated mode every simulated model.
import type { ModelRegistry } from '../../models/model-registry.js';
import { SIM_MODELS } from '../../models/list/sim-models.js';

export interface BattleCandidate {
  id: string;
  label: string;
  simulated: boolean;
  vramMB: number;
}

/**
 * Downloaded models of the current engine mode; in simulated mode every simulated model (a
 * simulated load runs first, as in the studio), so a visitor without a GPU can try the arena.
 */
export async function battleCandidates(registry: ModelRegistry): Promise<BattleCandidate[]> {
  const available = await registry.available();
  const models = registry.simulated
    ? (await registry.models()).filter((m) => m.simulated)
    : available;
  return models.map(({ id, label, simulated, vramMB }) => ({ id, label, simulated, vramMB }));
}

/**
 * A label for every model the registry knows, and every simulated model (votes cast in simulated
 * mode stay on the leaderboard in the other mode), for naming models on the leaderboard.
 */
export async function modelLabels(registry: ModelRegistry): Promise<Map<string, string>> {
  const labels = new Map(SIM_MODELS.map((m) => [m.id, m.label]));
  for (const m of await registry.models()) labels.set(m.id, m.label);
  return labels;
}
