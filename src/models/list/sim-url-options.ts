// Simulated-engine options from the page URL (?engine=sim&simSpeed=250&simTokens=5000&simTtft=100): benches and demos, no code change.
import type { EngineMode } from './engine-mode.js';
import type { SimFailure, SimOptions } from '../worker/model-protocol.js';
import { REAL_STYLE_MIXES, SIM_STYLES, type SimStyle } from './sim-styles.js';
import { SIM_MODELS } from './sim-models.js';

interface Bound {
  key: 'tokensPerSecond' | 'answerTokens' | 'timeToFirstTokenMs' | 'downloadMs';
  min: number;
  max: number;
  integer: boolean;
}

/** URL parameter → SimOptions field, with the values accepted; anything outside is ignored, not clamped. */
export const SIM_URL_PARAMS: Readonly<Record<string, Bound>> = {
  simSpeed: { key: 'tokensPerSecond', min: 1, max: 5000, integer: false },
  simTokens: { key: 'answerTokens', min: 1, max: 50_000, integer: true },
  simTtft: { key: 'timeToFirstTokenMs', min: 0, max: 60_000, integer: false },
  simDownloadMs: { key: 'downloadMs', min: 0, max: 600_000, integer: false },
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
  const failure = failureFromUrl(params);
  if (failure) options.failure = failure;
  Object.assign(options, stylesFromUrl(params));
  return Object.keys(options).length > 0 ? options : undefined;
}

const FAILURE_KINDS: readonly SimFailure['kind'][] = [
  'fail-load',
  'die-mid-stream',
  'device-lost',
  'hang',
];

/**
 * `simFail=device-lost&simFailAfter=3&simFailModel=sim-tiny-360M`: a lost GPU, a dying worker, a
 * failed load or a hang, to show (and test) how the app tells the visitor. An unknown kind is ignored.
 */
function failureFromUrl(params: URLSearchParams): SimFailure | undefined {
  const kind = FAILURE_KINDS.find((known) => known === params.get('simFail'));
  if (kind === undefined) return undefined;
  const failure: SimFailure = { kind };
  const after = Number(params.get('simFailAfter') ?? '');
  if (params.get('simFailAfter') && Number.isInteger(after) && after >= 0 && after <= 50_000) {
    failure.afterTokens = after;
  }
  const modelId = params.get('simFailModel');
  if (modelId && /^[\w.-]{1,100}$/.test(modelId)) failure.modelId = modelId;
  return failure;
}

/**
 * `simStyle=think,markdown` for every simulated model, `simStyle.sim-tiny-360M=angle` for one, or
 * `simStyle=real`: each model its own mix of real-world habits. Unknown names are ignored.
 */
function stylesFromUrl(params: URLSearchParams): Pick<SimOptions, 'styles' | 'modelStyles'> {
  const list = (raw: string | null): SimStyle[] =>
    (raw ?? '').split(',').flatMap((name) => SIM_STYLES.filter((style) => style === name.trim()));
  const result: Pick<SimOptions, 'styles' | 'modelStyles'> = {};
  const modelStyles: Record<string, SimStyle[]> = {};
  if (params.get('simStyle') === 'real') {
    SIM_MODELS.forEach((model, i) => {
      modelStyles[model.id] = [...REAL_STYLE_MIXES[i % REAL_STYLE_MIXES.length]!];
    });
  } else {
    const styles = list(params.get('simStyle'));
    if (styles.length > 0) result.styles = styles;
  }
  for (const [name, value] of params) {
    const modelId = /^simStyle\.([\w.-]{1,100})$/.exec(name)?.[1];
    const styles = list(value);
    if (modelId && styles.length > 0) modelStyles[modelId] = styles;
  }
  if (Object.keys(modelStyles).length > 0) result.modelStyles = modelStyles;
  return result;
}
