// Pure: `?judgeStallMs=` shortens how long a silent judge or aggregator is waited for, for tests and demos of its replacement.
import type { FusionOptions } from './options.js';

/**
 * `judgeStallMs` between 200 ms and 10 minutes, as FusionOptions.judgeStallMs; anything else (or
 * nothing) leaves the run its own limit (judgeStallMs of the run: 15 to 60 s), so `{}`.
 */
export function stallOptionsFromUrl(query: URLSearchParams): Pick<FusionOptions, 'judgeStallMs'> {
  const raw = query.get('judgeStallMs');
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 200 && value <= 600_000 ? { judgeStallMs: value } : {};
}
