// The models the studio offers: downloaded ones (in simulated mode every simulated model), then the recorded ones.
import type { AvailableModel, ModelRegistry } from '../../models/model-registry.js';

/**
 * Simulated mode lists every simulated model, so a visitor can try at once (a simulated download
 * runs first). Recorded models come last in every mode: they need no GPU, but answer only the
 * questions they were recorded on, so they are picked first only when nothing else is on offer.
 */
export async function loadPoolOptions(registry: ModelRegistry): Promise<AvailableModel[]> {
  const [own, recorded] = await Promise.all([localOptions(registry), registry.recordedModels()]);
  return [...own, ...recorded];
}

async function localOptions(registry: ModelRegistry): Promise<AvailableModel[]> {
  const available = await registry.available();
  const smallestFirst = (a: AvailableModel, b: AvailableModel) => a.vramMB - b.vramMB;
  if (registry.engineMode !== 'sim') return [...available].sort(smallestFirst);
  const downloaded = new Set(available.map((m) => m.id));
  const all = await registry.models();
  return all
    .filter((m) => m.simulated)
    .map((m) => ({
      id: m.id,
      label: m.label,
      engine: m.engine,
      simulated: true,
      paramsB: m.paramsB,
      vramMB: m.vramMB,
      downloaded: downloaded.has(m.id),
    }))
    .sort(smallestFirst);
}
