// Which engine runs models: one rule, the last choice persists (`engine=` in a URL or a switch) until switched again.
import type { QuorumDatabase } from '../../db/open-database.js';

/** Which engine runs models: web-llm's real ones, or the simulated engine. */
export type EngineMode = 'webllm' | 'sim';

/** The `settings` key of the last engine chosen. */
export const ENGINE_MODE_KEY = 'engineMode';
/** The URL parameter that chooses the engine (`engine=sim`); a contract, do not rename. */
export const ENGINE_URL_PARAM = 'engine';

/**
 * Fired (bubbling, composed; detail: the EngineMode) by a control that switches the engine, such as
 * the models page's buttons: the shell saves the choice and swaps the registry at once, no reload.
 */
export const ENGINE_SWITCH_EVENT = 'engine-switch';

function asMode(value: unknown): EngineMode | null {
  return value === 'sim' || value === 'webllm' ? value : null;
}

/** Pure: the mode a URL's `engine=` names, or null when it names none (absent, empty or unknown). */
export function engineModeFromUrl(search: string): EngineMode | null {
  return asMode(new URLSearchParams(search).get(ENGINE_URL_PARAM));
}

/** Pure: the URL parameter (when it names a mode) wins, then the stored setting, then web-llm. */
export function resolveEngineMode(search: string, setting: unknown): EngineMode {
  return engineModeFromUrl(search) ?? asMode(setting) ?? 'webllm';
}

/**
 * The engine this page load uses. A URL that names one is a choice like the models page's switch:
 * it is saved, so a later URL without the parameter (a reload, a bookmark) keeps it until switched off.
 */
export async function readEngineMode(db: QuorumDatabase, search: string): Promise<EngineMode> {
  const fromUrl = engineModeFromUrl(search);
  if (fromUrl) {
    await writeEngineMode(db, fromUrl);
    return fromUrl;
  }
  return resolveEngineMode('', await db.get('settings', ENGINE_MODE_KEY));
}

/** Saves the chosen engine for the next visit. */
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
