// Classifies what can go wrong while downloading model files: quota, network, HTTP status, cancel.
import {
  classifyError,
  errorText,
  isQuotaExceeded,
  type ClassifiedError,
} from '../../shared/errors.js';
import { isTransientStatus } from './download-retry.js';
import { countOf } from '../../shared/count.js';

/** A server answered, but not with the file. */
export class HttpStatusError extends Error {
  readonly status: number;
  readonly url: string;
  /** The response's Retry-After header, if any (see download-retry.ts). */
  readonly retryAfter: string | null;
  constructor(url: string, status: number, retryAfter: string | null = null) {
    super(`HTTP ${status} for ${url}`);
    this.name = 'HttpStatusError';
    this.status = status;
    this.url = url;
    this.retryAfter = retryAfter;
  }
}

/** The host asked for a longer pause than the worker waits (Retry-After). */
export class HostBusyError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly waitMs: number,
  ) {
    super(`HTTP ${status} for ${url}, Retry-After ${Math.round(waitMs / 1000)} s`);
    this.name = 'HostBusyError';
  }
}

function fileOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').pop() || url;
  } catch {
    return url;
  }
}

/** What the visitor is told about an HTTP status: permanent ones are named as such, never "try again later". */
function httpMessage(error: HttpStatusError): string {
  const file = fileOf(error.url);
  switch (error.status) {
    case 404:
    case 410:
      return `The model host has no file ${file} (HTTP ${error.status}): the model was probably removed or renamed there. Downloading again will not help; pick another model.`;
    case 401:
    case 403:
      return `The model host refused ${file} (HTTP ${error.status}): the model may have become private or gated. Downloading again will not help; pick another model.`;
    default:
      return isTransientStatus(error.status)
        ? `The model host answered ${error.status} for ${file}, also when asked again. Try again later; finished files are kept.`
        : `The model host answered ${error.status} for ${file}. Finished files are kept; if this persists, pick another model.`;
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

/**
 * Classifies anything a download threw: 'quota-exceeded' (storage full), 'aborted' (cancelled), HTTP statuses
 * and network failures, each with advice; never throws.
 */
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
  if (error instanceof HttpStatusError)
    return { kind: 'network', message: httpMessage(error), detail };
  if (error instanceof HostBusyError) {
    const minutes = Math.ceil(error.waitMs / 60_000);
    return {
      kind: 'network',
      message: `The model host is busy (HTTP ${error.status}) and asks to wait ${countOf(minutes, 'minute')} before the next file. Download again then; finished files are kept.`,
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
