// What the studio's pool and the chat offer before any download: in simulated mode every simulated model.
import type { ModelRegistry } from './model-registry.js';
import { usesPageGpu, type AvailableModel } from './model-offer.js';

/**
 * The models a pool or a chat offers, recorded ones aside. Real engine: the downloaded models of this
 * device, smallest first (a multi-GB download is the visitor's own choice, made on /models). Simulated
 * mode: every simulated model, `downloaded` saying which are (the others load at once when used: a
 * simulated download or load takes seconds and stores nothing), so a visitor can try at once. Models on
 * the visitor's endpoints and the browser's follow in the order they were added, in either mode.
 */
export async function offeredModels(registry: ModelRegistry): Promise<AvailableModel[]> {
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
