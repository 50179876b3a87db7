// Says in words whether a fusion mode helped, hurt or could not be told apart from the best single model.
import type { Comparison } from './compare.js';

/** Whether a fusion mode helped, hurt, or could not be told apart from the best single model. */
export type VerdictKind = 'helped' | 'hurt' | 'unclear';

/** A verdict and the sentences that say it to the visitor. */
export interface Verdict {
  kind: VerdictKind;
  /** One or two plain sentences, with the numbers they rest on. */
  text: string;
}

/**
 * Decided by the 95 % interval of the paired difference alone: above zero throughout is "helped",
 * below zero throughout is "hurt", an interval that reaches zero is "could not be told apart"
 * (whatever the observed difference). The McNemar p-value is quoted, not used to decide.
 */
export function verdictOf(comparison: Comparison): VerdictKind {
  if (comparison.ci95[0] > 0) return 'helped';
  if (comparison.ci95[1] < 0) return 'hurt';
  return 'unclear';
}

const points = (fraction: number): string => {
  const value = Math.round(fraction * 1000) / 10;
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
};

/** p to two significant figures, or "< 0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return `= ${Number(p.toPrecision(2))}`;
}

/** The verdict sentence for one comparison, naming the mode and the model by their labels. */
export function describeVerdict(
  comparison: Comparison,
  questions: number,
  modeLabel: string,
  againstLabel: string,
): Verdict {
  const kind = verdictOf(comparison);
  const numbers = `Difference ${points(comparison.difference)} points (95 % interval ${points(comparison.ci95[0])} to ${points(comparison.ci95[1])}; McNemar p ${formatP(comparison.mcnemarP)}) over ${questions} questions.`;
  const text = {
    helped: `${modeLabel} helped: it beat the best single model, ${againstLabel}. ${numbers}`,
    hurt: `${modeLabel} hurt: it did worse than the best single model, ${againstLabel}. ${numbers}`,
    unclear: `${modeLabel} and the best single model, ${againstLabel}, could not be told apart on this run: the interval includes zero, so more questions would be needed to tell. ${numbers}`,
  }[kind];
  return { kind, text };
}
