// Simulated-engine options from the page URL (?engine=sim&simSpeed=250&simTokens=5000&simTtft=100): benches and demos, no code change.
import type { EngineMode } from './engine-mode.js';
import type { SimOptions } from './protocol.js';

interface Bound {
  key: 'tokensPerSecond' | 'answerTokens' | 'timeToFirstTokenMs';
  min: number;
  max: number;
  integer: boolean;
}

/** URL parameter → SimOptions field, with the values accepted; anything outside is ignored, not clamped. */
export const SIM_URL_PARAMS: Readonly<Record<string, Bound>> = {
  simSpeed: { key: 'tokensPerSecond', min: 1, max: 5000, integer: false },
  simTokens: { key: 'answerTokens', min: 1, max: 50_000, integer: true },
  simTtft: { key: 'timeToFirstTokenMs', min: 0, max: 60_000, integer: false },
};

/**
 * The simulated engine's overrides named in the URL, or undefined when there are none. Only in
 * simulated mode: a stray parameter must never change how real models are described or run.
 */
export function simOptionsFromUrl(search: string, engineMode: EngineMode): SimOptions | undefined {
  if (engineMode !== 'sim') return undefined;
  const params = new URLSearchParams(search);
  const options: SimOptions = {};
  for (const [name, bound] of Object.entries(SIM_URL_PARAMS)) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < bound.min || value > bound.max) continue;
    if (bound.integer && !Number.isInteger(value)) continue;
    options[bound.key] = value;
  }
  return Object.keys(options).length > 0 ? options : undefined;
}
