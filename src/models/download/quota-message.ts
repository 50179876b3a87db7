// Pure: what a visitor is told when a download fills the browser's storage, with the browser's own figures.
import type { ClassifiedError } from '../../shared/errors.js';
import { formatBytes } from '../../ui/format-bytes.js';

/** The part of navigator.storage.estimate() the message reads (bytes). */
export interface StorageFigures {
  quota?: number;
  usage?: number;
}

/**
 * `estimate`: navigator.storage.estimate() after the failure, or null when the browser gives none.
 * `removed`: whether the download's files were deleted again (they are, to give the space back).
 */
export function quotaError(
  error: ClassifiedError,
  estimate: StorageFigures | null,
  removed: boolean,
): ClassifiedError {
  const { quota, usage } = estimate ?? {};
  const figures =
    quota !== undefined && usage !== undefined
      ? `this site may use ${formatBytes(quota)} here and ${formatBytes(usage)} are in use`
      : 'the browser does not say how much it allows';
  const kept = removed
    ? 'This download’s files were removed to give the space back, so it starts over next time.'
    : 'Some of this download’s files could not be removed: delete the model to free their space.';
  return {
    kind: 'quota-exceeded',
    message: `The browser’s storage for this site is full: ${figures}. Delete downloaded models you no longer need, or free disk space, then download again. ${kept}`,
    ...(error.detail !== undefined && { detail: error.detail }),
  };
}
