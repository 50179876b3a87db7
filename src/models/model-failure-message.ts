// Pure: what a visitor is told when a model lost the GPU or ran out of memory, and what Quorum did about it.
import type { ModelFailureDetail } from './model-registry.js';

export function modelFailureMessage({ modelId, label, error, retry }: ModelFailureDetail): string {
  const name = label ?? modelId;
  const what = error.kind === 'device-lost' ? `${name} lost the GPU` : `${name} ran out of memory`;
  switch (retry) {
    case 'smaller-variant':
      return `${what}. Quorum is retrying once with a shorter context window.`;
    case 'sequential':
      return `${what} beside other models. Quorum unloaded the others and is retrying it once on its own.`;
    case 'give-up':
      return `${what}, and Quorum has nothing smaller to retry with. ${error.message}`;
    case null:
      return `${what} while answering, so the answer was cut short. ${error.message}`;
  }
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
