// Classifies what can go wrong while downloading model files: quota, network, HTTP status, cancel.
import {
  classifyError,
  errorText,
  isQuotaExceeded,
  type ClassifiedError,
} from '../../shared/errors.js';

/** A server answered, but not with the file. */
export class HttpStatusError extends Error {
  readonly status: number;
  readonly url: string;
  constructor(url: string, status: number) {
    super(`HTTP ${status} for ${url}`);
    this.name = 'HttpStatusError';
    this.status = status;
    this.url = url;
  }
}

/** A file arrived shorter or longer than its index says. */
export class SizeMismatchError extends Error {
  constructor(url: string, expected: number, got: number) {
    super(`${url}: expected ${expected} bytes, got ${got}`);
    this.name = 'SizeMismatchError';
  }
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    return String((error as { name: unknown }).name);
  }
  return '';
}

export function classifyDownloadError(error: unknown): ClassifiedError {
  const detail = errorText(error);
  const name = errorName(error);
  if (isQuotaExceeded(error)) {
    return {
      kind: 'quota-exceeded',
      message:
        'The browser ran out of storage for this site. Delete models you no longer use, or allow persistent storage, then download again.',
      detail,
    };
  }
  if (name === 'AbortError') {
    return { kind: 'aborted', message: 'The download was cancelled.', detail };
  }
  if (error instanceof HttpStatusError) {
    return {
      kind: 'network',
      message: `The model host answered ${error.status} for a file of this model. Try again later; finished files are kept.`,
      detail,
    };
  }
  const fetchFailed =
    (error instanceof TypeError && /fetch|network|load/i.test(detail)) || name === 'NetworkError';
  if (error instanceof SizeMismatchError || fetchFailed) {
    return {
      kind: 'network',
      message:
        'The connection failed during the download. Check the network and download again: finished files are kept.',
      detail,
    };
  }
  return classifyError(error);
}
