// The Elo-like scale the arena shows strengths on: 400 points is a factor of 10 in the odds of winning.

/** Where the average model sits: the prior centres the fitted strengths, so their mean is exactly here. */
export const ELO_ANCHOR = 1000;
/** Points per factor of 10 in odds, as chess Elo and Chatbot Arena (Chiang et al. 2024, arXiv 2403.04132) use. */
export const ELO_SCALE = 400;

const POINTS_PER_NAT = ELO_SCALE / Math.LN10;

/**
 * A Bradley–Terry log-strength θ (natural log, 0 = the average model) on the Elo-like scale:
 * rating = 1000 + 400·log10(e^θ). Two models' odds of winning are 10^((Ra − Rb) / 400).
 */
export function toElo(theta: number): number {
  return ELO_ANCHOR + theta * POINTS_PER_NAT;
}

/** A difference of log-strengths (or a coefficient in nats) in Elo points. */
export function natsToPoints(nats: number): number {
  return nats * POINTS_PER_NAT;
}

/** The probability that a model rated `ra` beats one rated `rb` (ties counted half), 0..1. */
export function winProbability(ra: number, rb: number): number {
  return 1 / (1 + 10 ** ((rb - ra) / ELO_SCALE));
}
