// The models the studio offers: those of offeredModels (in simulated mode every simulated model), then the
// recorded ones.
import type { AvailableModel, ModelRegistry } from '../../models/model-registry.js';
import { offeredModels } from '../../models/offered-models.js';

/**
 * Simulated mode lists every simulated model, so a visitor can try at once (a simulated download
 * runs first); the rule is offeredModels', which the chat shares. Recorded models come last in every
 * mode: they need no GPU, but answer only the questions they were recorded on, so they are picked
 * first only when nothing else is on offer.
 */
export async function loadPoolOptions(registry: ModelRegistry): Promise<AvailableModel[]> {
  const [own, recorded] = await Promise.all([offeredModels(registry), registry.recordedModels()]);
  return [...own, ...recorded];
}
