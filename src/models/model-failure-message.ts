// Pure: what a visitor is told when a model lost the GPU or ran out of memory, and what Quorum did about it.
import type { ModelFailureDetail } from './model-registry.js';

/**
 * What a visitor is told when a model lost the GPU or ran out of memory, and which retry Quorum makes
 * (smaller variant, alone, or none).
 */
export function modelFailureMessage({
  modelId,
  label,
  error,
  retry,
  variant,
}: ModelFailureDetail): string {
  const name = label ?? modelId;
  const what = error.kind === 'device-lost' ? `${name} lost the GPU` : `${name} ran out of memory`;
  switch (retry) {
    case 'smaller-variant':
      return `${what}. Quorum is retrying once with ${smallerVariantText(variant)}.`;
    case 'sequential':
      return `${what} beside other models. Quorum unloaded the others and is retrying it once on its own.`;
    case 'give-up':
      return `${what}, and Quorum has nothing smaller to retry with. ${error.message}`;
    case null:
      return `${what} while answering, so the answer was cut short. ${error.message}`;
  }
}

/** "gemma-1k, a 1,024-token context, with answers of at most 512 tokens so a prompt still fits". */
function smallerVariantText(variant: ModelFailureDetail['variant']): string {
  if (!variant) return 'a shorter context window';
  const context =
    variant.contextWindow === null
      ? 'a shorter context'
      : `a ${variant.contextWindow.toLocaleString('en')}-token context`;
  const answers =
    variant.answerTokens === null
      ? ''
      : `, with answers of at most ${variant.answerTokens.toLocaleString('en')} tokens so a prompt still fits`;
  return `${variant.label} (${context})${answers}`;
}

/** Shows every model failure of `registry` through `show`; returns the way to stop listening. */
export function listenForModelFailures(
  registry: EventTarget,
  show: (message: string) => void,
): () => void {
  const listener = (event: Event): void =>
    show(modelFailureMessage((event as CustomEvent<ModelFailureDetail>).detail));
  registry.addEventListener('model-failure', listener);
  return () => registry.removeEventListener('model-failure', listener);
}
