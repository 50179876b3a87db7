// Bradley–Terry with answer length as a covariate: strengths with the pull of longer answers taken out.
import { FIRST_WINS, OUTCOMES, SECOND_WINS, type Battles } from './battles.js';
import { PRIOR_PRECISION } from './bradley-terry.js';
import { solveSpd } from './cholesky.js';

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

/** The length covariate of each counted vote, ready for a fit. */
export interface LengthDesign {
  /** Per counted vote: the normalised length difference divided by its standard deviation, 0 when unknown. */
  x: Float64Array;
  /** Per counted vote: the first model's score, 1, 0 or ½. */
  score: Float64Array;
  first: Int32Array;
  second: Int32Array;
  m: number;
  /** The standard deviation the differences were divided by (of the votes with both lengths). */
  sd: number;
  /** How many counted votes carry both lengths. */
  withLengths: number;
}

/**
 * The design of the length-controlled fit, or null when fewer than two votes carry both lengths or
 * their lengths never differ (then length cannot be told apart from strength). The covariate is
 * LM Arena's style feature for length, (len_first − len_second) / (len_first + len_second), scaled
 * to unit standard deviation (Li, Angelopoulos & Chiang 2024, "Does style matter? Disentangling style
 * and substance in Chatbot Arena", lmsys.org/blog/2024-08-28-style-control). Unlike that notebook it
 * is not centred: the side a model sits on is recorded in a fixed order here, so a pair of equal
 * lengths should add nothing, and a vote without lengths adds 0 (it still informs the strengths).
 */
export function lengthDesign(battles: Battles): LengthDesign | null {
  const n = battles.cells.length;
  let count = 0;
  let sumSquares = 0;
  for (const d of battles.lengthDiff) {
    if (Number.isNaN(d)) continue;
    count += 1;
    sumSquares += d * d;
  }
  const sd = Math.sqrt(sumSquares / Math.max(count, 1));
  if (count < 2 || !(sd > 0)) return null;
  const x = new Float64Array(n);
  const score = new Float64Array(n);
  const first = new Int32Array(n);
  const second = new Int32Array(n);
  for (let k = 0; k < n; k += 1) {
    const cell = battles.cells[k]!;
    const pair = Math.floor(cell / OUTCOMES);
    const outcome = cell % OUTCOMES;
    first[k] = battles.pairFirst[pair]!;
    second[k] = battles.pairSecond[pair]!;
    score[k] = outcome === FIRST_WINS ? 1 : outcome === SECOND_WINS ? 0 : 0.5;
    const d = battles.lengthDiff[k]!;
    x[k] = Number.isNaN(d) ? 0 : d / sd;
  }
  return { x, score, first, second, m: battles.ids.length, sd, withLengths: count };
}

/**
 * Log-strengths θ and the length coefficient γ (both in nats; parameters 0..m−1 are θ, m is γ)
 * maximising Σ_votes w·[s·log σ(θf − θs + γx) + (1 − s)·log σ(−(θf − θs + γx))] − ½·λ·(Σθ² + γ²),
 * the style-controlled Bradley–Terry model of Li et al. 2024 (see lengthDesign) with the same weak
 * prior as the plain fit. `weights` are per-vote counts (a bootstrap resample); default 1 each.
 */
export function fitLengthControlled(
  design: LengthDesign,
  weights?: Float64Array,
  start?: Float64Array,
): Float64Array {
  const size = design.m + 1;
  const params = start ? Float64Array.from(start) : new Float64Array(size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const previous = new Float64Array(size);
  const step = new Float64Array(size);
  let previousValue = -Infinity;
  let scale = 1;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const value = accumulate(design, weights, params, gradient, hessian);
    if (value < previousValue - 1e-12 * Math.abs(previousValue)) {
      scale /= 2;
      for (let i = 0; i < size; i += 1) params[i] = previous[i]! + scale * step[i]!;
      if (scale < 1e-6) break;
      continue;
    }
    previous.set(params);
    previousValue = value;
    solveSpd(hessian, gradient, size);
    step.set(gradient);
    scale = 1;
    let largest = 0;
    for (let i = 0; i < size; i += 1) {
      params[i]! += step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (largest < TOLERANCE) break;
  }
  return params;
}

function accumulate(
  design: LengthDesign,
  weights: Float64Array | undefined,
  params: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): number {
  const { m, x, score, first, second } = design;
  const size = m + 1;
  const g = m;
  hessian.fill(0);
  let value = 0;
  for (let i = 0; i < size; i += 1) {
    gradient[i] = -PRIOR_PRECISION * params[i]!;
    hessian[i * size + i] = PRIOR_PRECISION;
    value -= 0.5 * PRIOR_PRECISION * params[i]! * params[i]!;
  }
  const gamma = params[g]!;
  for (let k = 0; k < x.length; k += 1) {
    const w = weights ? weights[k]! : 1;
    if (w === 0) continue;
    const i = first[k]!;
    const j = second[k]!;
    const xk = x[k]!;
    const s = score[k]!;
    const d = params[i]! - params[j]! + gamma * xk;
    // One exponential per vote, as in bradley-terry.ts: s·log σ(d) + (1 − s)·log σ(−d) = s·d + log σ(−d).
    const e = Math.exp(-Math.abs(d));
    const prob = d >= 0 ? 1 / (1 + e) : e / (1 + e);
    value += w * (s * d + (d >= 0 ? -d - Math.log1p(e) : -Math.log1p(e)));
    const residual = w * (s - prob);
    gradient[i]! += residual;
    gradient[j]! -= residual;
    gradient[g]! += residual * xk;
    const q = w * prob * (1 - prob);
    const qx = q * xk;
    hessian[i * size + i]! += q;
    hessian[j * size + j]! += q;
    hessian[i * size + j]! -= q;
    hessian[j * size + i]! -= q;
    hessian[i * size + g]! += qx;
    hessian[g * size + i]! += qx;
    hessian[j * size + g]! -= qx;
    hessian[g * size + j]! -= qx;
    hessian[g * size + g]! += qx * xk;
  }
  return value;
}
