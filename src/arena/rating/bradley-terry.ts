// Bradley–Terry strengths from pairwise counts: the maximum of the likelihood under a weak Gaussian prior.
import { solveSpd } from './cholesky.js';
import { FIRST_WINS, OUTCOMES, SECOND_WINS, TIE } from './battles.js';

/**
 * The prior's standard deviation on a log-strength, in nats: ln 10, i.e. 400 Elo points. It is what
 * keeps a model with only wins (or only losses) finite: the likelihood alone rises for ever as its
 * strength grows. Its weight, 1/ln(10)² ≈ 0.19, is about three quarters of what a single battle
 * between even models adds (1/4 per battle), so with tens of votes per model it moves ratings by a
 * few points; with one vote it keeps a lone win at about +280 points instead of +∞. It also centres
 * the strengths: at the optimum they sum to exactly 0, so the mean rating is the anchor, 1000.
 */
export const PRIOR_SD_NATS = Math.LN10;
/** The prior's precision, 1/σ² per nats² (σ = PRIOR_SD_NATS): the weight of the pull towards 0. */
export const PRIOR_PRECISION = 1 / (PRIOR_SD_NATS * PRIOR_SD_NATS);

const MAX_ITERATIONS = 100;
/** Stop when no log-strength moves more than this (nats; ≈ 2·10⁻⁴ Elo points). */
const TOLERANCE = 1e-6;

/** σ(x) = 1 / (1 + e^(−x)), without overflow for large |x|. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** What a fit needs: the pairs and, per pair, the counts of each outcome (cells, see battles.ts). */
export interface PairTable {
  m: number;
  pairFirst: Int32Array;
  pairSecond: Int32Array;
  /** Counts (or bootstrap weights) per cell: pair·3 + outcome. */
  cells: Float64Array;
}

/**
 * Log-strengths θ (nats, summing to 0) maximising
 *   Σ_pairs [ w·log σ(θi − θj) + (n − w)·log σ(θj − θi) ] − ½·λ·Σ θ²,
 * where w counts i's wins plus half the ties (Bradley & Terry 1952; ties counted half to each side as
 * in Chatbot Arena's fit, Chiang et al. 2024, arXiv 2403.04132) and λ = PRIOR_PRECISION. The
 * objective is strictly concave, so Newton's method with step halving finds its one maximum in a
 * handful of steps. `start` (e.g. the full-data fit, for a bootstrap resample) speeds it up.
 */
export function fitBradleyTerry(table: PairTable, start?: Float64Array): Float64Array {
  const { m } = table;
  const theta = start ? Float64Array.from(start) : new Float64Array(m);
  if (m === 0) return theta;
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const previous = new Float64Array(m);
  const step = new Float64Array(m);
  let previousValue = -Infinity;
  let scale = 1;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const value = accumulate(table, theta, gradient, hessian);
    if (value < previousValue - 1e-12 * Math.abs(previousValue)) {
      // The full step overshot (far from the optimum): halve it and try again.
      scale /= 2;
      for (let i = 0; i < m; i += 1) theta[i] = previous[i]! + scale * step[i]!;
      if (scale < 1e-6) break;
      continue;
    }
    previous.set(theta);
    previousValue = value;
    solveSpd(hessian, gradient, m);
    step.set(gradient);
    scale = 1;
    let largest = 0;
    for (let i = 0; i < m; i += 1) {
      theta[i]! += step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (largest < TOLERANCE) break;
  }
  return theta;
}

/** The objective at θ; fills the gradient and the negated Hessian (positive definite). */
function accumulate(
  table: PairTable,
  theta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): number {
  const { m, pairFirst, pairSecond, cells } = table;
  hessian.fill(0);
  let value = 0;
  for (let i = 0; i < m; i += 1) {
    gradient[i] = -PRIOR_PRECISION * theta[i]!;
    hessian[i * m + i] = PRIOR_PRECISION;
    value -= 0.5 * PRIOR_PRECISION * theta[i]! * theta[i]!;
  }
  for (let p = 0; p < pairFirst.length; p += 1) {
    const base = p * OUTCOMES;
    const ties = cells[base + TIE]!;
    const n = cells[base + FIRST_WINS]! + cells[base + SECOND_WINS]! + ties;
    if (n === 0) continue;
    const wins = cells[base + FIRST_WINS]! + ties / 2;
    const i = pairFirst[p]!;
    const j = pairSecond[p]!;
    const d = theta[i]! - theta[j]!;
    // One exponential per pair: σ(d) and log σ(−d) from e^(−|d|). The pair's log-likelihood
    // w·log σ(d) + (n − w)·log σ(−d) equals w·d + n·log σ(−d).
    const e = Math.exp(-Math.abs(d));
    const prob = d >= 0 ? 1 / (1 + e) : e / (1 + e);
    const logLose = d >= 0 ? -d - Math.log1p(e) : -Math.log1p(e);
    value += wins * d + n * logLose;
    const residual = wins - n * prob;
    gradient[i]! += residual;
    gradient[j]! -= residual;
    const w = n * prob * (1 - prob);
    hessian[i * m + i]! += w;
    hessian[j * m + j]! += w;
    hessian[i * m + j]! -= w;
    hessian[j * m + i]! -= w;
  }
  return value;
}
