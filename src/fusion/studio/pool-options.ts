// The models the studio offers: downloaded ones, plus in simulated mode every simulated model.
import type { AvailableModel, ModelRegistry } from '../../models/model-registry.js';

/** Simulated mode lists every simulated model, so a visitor can try at once (a simulated download runs first). */
export async function loadPoolOptions(registry: ModelRegistry): Promise<AvailableModel[]> {
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
