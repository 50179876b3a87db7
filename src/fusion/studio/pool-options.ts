// The models the studio offers: downloaded ones (in simulated mode every simulated model), then remote and
// built-in ones, then the recorded ones.
import type { AvailableModel, ModelRegistry } from '../../models/model-registry.js';
import { usesPageGpu } from '../../models/model-offer.js';

/**
 * Simulated mode lists every simulated model, so a visitor can try at once (a simulated download
 * runs first). Models on this device come smallest first; endpoints' and the browser's follow in
 * the order they were added, so a first visit's default pool stays on this device. Recorded models
 * come last in every mode: they need no GPU, but answer only the questions they were recorded on,
 * so they are picked first only when nothing else is on offer.
 */
export async function loadPoolOptions(registry: ModelRegistry): Promise<AvailableModel[]> {
  const [own, recorded] = await Promise.all([localOptions(registry), registry.recordedModels()]);
  return [...own, ...recorded];
}

async function localOptions(registry: ModelRegistry): Promise<AvailableModel[]> {
  const available = await registry.available();
  const elsewhere = available.filter((m) => !usesPageGpu(m));
  const smallestFirst = (a: AvailableModel, b: AvailableModel) => a.vramMB - b.vramMB;
  if (registry.engineMode !== 'sim')
    return [...available.filter(usesPageGpu).sort(smallestFirst), ...elsewhere];
  const downloaded = new Set(available.map((m) => m.id));
  const all = await registry.models();
  const simulated = all
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
  return [...simulated, ...elsewhere];
}
