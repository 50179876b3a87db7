// Which engine runs models: the URL's `engine=sim` wins over the 'engineMode' setting; web-llm otherwise.
import type { QuorumDatabase } from '../../db/open-database.js';

export type EngineMode = 'webllm' | 'sim';

export const ENGINE_MODE_KEY = 'engineMode';
export const ENGINE_URL_PARAM = 'engine';

function asMode(value: unknown): EngineMode | null {
  return value === 'sim' || value === 'webllm' ? value : null;
}

/** Pure: the URL parameter (when it names a mode) wins, then the stored setting, then web-llm. */
export function resolveEngineMode(search: string, setting: unknown): EngineMode {
  return asMode(new URLSearchParams(search).get(ENGINE_URL_PARAM)) ?? asMode(setting) ?? 'webllm';
}

export async function readEngineMode(db: QuorumDatabase, search: string): Promise<EngineMode> {
  return resolveEngineMode(search, await db.get('settings', ENGINE_MODE_KEY));
}

export async function writeEngineMode(db: QuorumDatabase, mode: EngineMode): Promise<void> {
  await db.put('settings', mode, ENGINE_MODE_KEY);
}

/** Keeps `engine=…` of the current URL on an in-app link, so simulated mode survives navigation and reload. */
export function withEngineParam(path: string, search: string): string {
  const engine = new URLSearchParams(search).get(ENGINE_URL_PARAM);
  if (!engine) return path;
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set(ENGINE_URL_PARAM, engine);
  return `${base ?? ''}?${params.toString()}`;
}
