// How a failed or stopped model call reads to a visitor: the advice in words, never the error's kind code.
import type { ClassifiedError, ErrorKind } from '../../shared/errors.js';

/**
 * The sentence shown under a call that did not finish. `badge`: the place already shows a
 * Stopped or Failed status, so a visitor's stop needs no words (null) and a failure only its advice;
 * without one, the sentence says which of the two it was.
 */
export function failureText(error: ClassifiedError, badge: boolean): string | null {
  if (error.kind === 'aborted') return badge ? null : 'Stopped before it finished.';
  return badge ? error.message : `Failed: ${error.message}`;
}

/** What happened, in a few words, for notes that name a failed model ("B failed: it lost the GPU"). */
const WHAT_HAPPENED: Readonly<Record<ErrorKind, string>> = {
  'no-webgpu': 'no usable WebGPU',
  'missing-feature': 'the GPU lacks a feature it needs',
  'gpu-limit': 'the GPU’s buffers are too small for it',
  'device-lost': 'it lost the GPU',
  'out-of-memory': 'it ran out of memory',
  'quota-exceeded': 'the browser’s storage is full',
  network: 'a file could not be downloaded',
  'model-lib': 'its compiled library could not be loaded',
  aborted: 'stopped',
  'worker-crashed': 'its worker stopped unexpectedly',
  timeout: 'it stopped responding',
  'not-loaded': 'it was no longer loaded',
  'bad-request': 'it refused the request',
  storage: 'the browser’s storage could not be used',
  'not-recorded': 'it has no recorded answer to this question',
  unknown: 'something went wrong',
  unreachable: 'its server could not be reached',
  cors: 'its server refused this page (CORS)',
  'policy-blocked': 'Quorum’s security policy does not allow its server yet',
  offline: 'its server needs a connection and this device is offline',
  auth: 'its server refused the API key',
  'model-missing': 'its server does not know the model',
  'rate-limited': 'its server is rate-limiting requests',
  'server-error': 'its server failed while answering',
  'stream-cut': 'its answer stopped before the server finished',
  'malformed-stream': 'its server sent something that is not an answer stream',
  unavailable: 'it is not available in this browser',
};

/** A few words for a failure of `kind`, never the kind code itself. */
export function whatHappened(kind: ErrorKind | undefined): string {
  return WHAT_HAPPENED[kind ?? 'unknown'];
}
