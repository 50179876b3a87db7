// Maps web-llm's init progress reports (a fraction and a sentence) to Quorum's LoadProgress.
import type { LoadPhase, LoadProgress } from '../../src/models/worker/model-protocol.js';

/** One of web-llm's init progress reports: a fraction 0..1, seconds elapsed and a sentence. */
export interface WebLlmReport {
  progress: number;
  /** Seconds since the current step started. */
  timeElapsed: number;
  text: string;
}

const MiB = 1024 * 1024;
// "Fetching param cache[3/20]: 120MB fetched. 14% completed, 9 secs elapsed. …"
const PARAMS =
  /^(Fetching param cache|Loading model from cache)\[\d+\/\d+\]:\s*(\d+)MB (?:fetched|loaded)\.\s*(\d+)% completed/;

const TEXT: Partial<Record<LoadPhase, string>> = {
  fetch: 'Fetching the model’s files',
  cache: 'Reading the model from the cache',
};

/**
 * web-llm reports megabytes and whole percents, so the byte figures are estimates to within 1 MB.
 * `cached`: every file of the model was in the cache when the load began (web-llm's hasModelInCache).
 * web-llm then still says "Start to fetch params" before it reads the shards, and a fetch it may
 * report while reading is the cache's: both are said as reading from the cache.
 */
export function progressFromReport(report: WebLlmReport, cached = false): LoadProgress {
  const fraction = clamp(report.progress);
  const params = report.text.match(PARAMS);
  const fetched = params
    ? params[1] === 'Fetching param cache'
    : /^Start to fetch/.test(report.text);
  const phase: LoadPhase = fetched ? (cached ? 'cache' : 'fetch') : phaseOf(report.text);
  const text = TEXT[phase] ?? report.text;
  if (params) {
    const loadedBytes = Number(params[2]) * MiB;
    const percent = Number(params[3]);
    const totalBytes = percent > 0 ? Math.round((loadedBytes * 100) / percent) : 0;
    return { phase, fraction, loadedBytes, totalBytes, etaMs: eta(report, fraction), text };
  }
  return { phase, fraction, loadedBytes: 0, totalBytes: 0, etaMs: eta(report, fraction), text };
}

function phaseOf(text: string): LoadPhase {
  if (/^Finish loading/.test(text)) return 'ready';
  if (/shader|GPU/i.test(text)) return 'gpu-init';
  if (/from cache/i.test(text)) return 'cache';
  return 'fetch';
}

/** Straight-line estimate from the time so far; null until there is something to extrapolate. */
function eta(report: WebLlmReport, fraction: number): number | null {
  if (fraction <= 0 || fraction >= 1 || report.timeElapsed <= 0) return fraction >= 1 ? 0 : null;
  return Math.round(((report.timeElapsed * (1 - fraction)) / fraction) * 1000);
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
