// The one error shape of every worker and client: kinds with advice, classification of anything thrown, and its Error form.

/** Every failure that crosses the worker boundary carries one of these kinds. */
export type ErrorKind =
  | 'no-webgpu'
  | 'missing-feature'
  | 'gpu-limit'
  | 'device-lost'
  | 'out-of-memory'
  | 'quota-exceeded'
  | 'network'
  | 'model-lib'
  | 'aborted'
  | 'worker-crashed'
  | 'timeout'
  | 'not-loaded'
  | 'bad-request'
  | 'storage'
  | 'not-recorded'
  | 'unknown'
  // Remote endpoints (OpenAI-compatible servers) and Chrome's built-in model.
  | 'unreachable'
  | 'cors'
  | 'policy-blocked'
  | 'offline'
  | 'auth'
  | 'model-missing'
  | 'rate-limited'
  | 'server-error'
  | 'stream-cut'
  | 'malformed-stream'
  | 'unavailable';

/**
 * Quorum's one error shape, as it travels from workers to the UI: a kind to branch on, advice a visitor can
 * act on, and the original text for the details disclosure.
 */
export interface ClassifiedError {
  kind: ErrorKind;
  /** What the visitor can do about it, in one or two sentences. */
  message: string;
  /** The original error text, for the details disclosure. */
  detail?: string;
}

/** The default advice for each kind; a rule may give a more specific one. */
export const ERROR_ADVICE: Readonly<Record<ErrorKind, string>> = {
  'no-webgpu':
    'This browser has no usable WebGPU. Use a recent Chrome or Edge (or enable WebGPU in your browser’s flags) on a device with a GPU; the catalog and simulated models still work.',
  'missing-feature':
    'Your GPU lacks a feature this model needs (usually shader-f16). Pick the q4f32 variant of the model instead.',
  'gpu-limit':
    'This GPU allows smaller storage buffers than this model needs (its maxStorageBufferBindingSize limit). Pick a smaller model, or use a device with a larger GPU.',
  'device-lost':
    'The GPU stopped responding, most often because the model did not fit in GPU memory. Close other GPU-heavy tabs, then try a smaller model or run fewer models at once.',
  'out-of-memory':
    'There was not enough memory to load this model. Try a smaller model, a shorter context, or fewer models at once.',
  'quota-exceeded':
    'The browser ran out of storage space for models. Delete downloaded models you no longer need, or free disk space, then try again.',
  network:
    'A model file could not be downloaded. Check your connection (or download the model while online) and try again.',
  'model-lib':
    'The model’s compiled library could not be loaded: it may be corrupt or built for another web-llm version. Delete the model and download it again.',
  aborted: 'Stopped.',
  'worker-crashed':
    'The model’s worker stopped unexpectedly, maybe because the tab ran out of memory. Load the model again; other models are unaffected.',
  timeout:
    'The model stopped responding for too long. Stop it and try again, or try a smaller model.',
  'not-loaded':
    'The model was no longer loaded when it was asked (web-llm unloads a model whose GPU was lost). Load it again; if this keeps happening, try a smaller model.',
  'bad-request': 'The request could not be handled by this model.',
  storage:
    'This browser’s storage could not be read or written. Reload the page and try again; if it keeps failing, check that this site may store data.',
  'not-recorded':
    'Recorded models only replay their answers to the questions they were recorded on (the GSM8K models: the 1,319 GSM8K test problems, word for word); they cannot answer anything else, or judge, merge or debate. Ask one of those questions, or take the recorded models out of the pool.',
  unknown: 'Something went wrong while running the model. Try again, or reload the page.',
  unreachable:
    'The server could not be reached. Check that it is running and that its address and port are right.',
  cors: 'The server refused requests from this page (CORS). Allow Quorum’s origin in the server’s settings.',
  'policy-blocked':
    'Quorum’s security policy does not allow this address yet. Reload Quorum so it takes the server into account.',
  offline:
    'You are offline and this server is on the internet. Servers on this machine or your local network keep working offline.',
  auth: 'The server refused the API key. Check the key saved for this server in Settings.',
  'model-missing':
    'The server does not know this model. Check the model name in Settings, or refresh the server’s model list.',
  'rate-limited': 'The server is rate-limiting requests. Wait a moment, then try again.',
  'server-error': 'The server failed while answering. Try again later, or check the server’s log.',
  'stream-cut':
    'The answer stopped before the server said it was finished, so it may be incomplete. Try again.',
  'malformed-stream':
    'The server sent something that is not an OpenAI-compatible answer stream. Check that the base URL points at an OpenAI-compatible API (usually ending in /v1).',
  unavailable: 'This model is not available in this browser.',
};

interface Rule {
  kind: ErrorKind;
  test: RegExp;
  message?: string;
}

// Order matters: the first match wins, so specific patterns precede broad ones
// (e.g. "device lost ... out of memory" is a device loss, not an allocation failure).
/** Storage full, however the browser words it (a QuotaExceededError, or "quota" in a message). */
const QUOTA = /QuotaExceeded|quota/i;

const RULES: readonly Rule[] = [
  {
    kind: 'aborted',
    // web-llm's unload aborts a reload with a bare string reason (lib/index.js line 18377).
    test: /\bAbortError\b|\baborted\b|user aborted|interrupted|Engine\.unload\(\) is called/i,
  },
  { kind: 'quota-exceeded', test: QUOTA },
  { kind: 'device-lost', test: /DeviceLost|device (?:was |is )?lost|GPUDeviceLostInfo/i },
  {
    // detectGPUDevice's "requested maxStorageBufferBindingSize exceeds limit" (and its siblings), and
    // the model package's "Compiled artifact requires maxStorageBufferBindingSize …" (lib/index.js line 11766).
    kind: 'gpu-limit',
    test: /requested max\w+ exceeds limit|requires maxStorageBufferBindingSize/i,
  },
  {
    kind: 'missing-feature',
    test: /shader-f16|FeatureSupportError|requires? (?:unsupported )?(?:WebGPU )?(?:extension|feature)/i,
  },
  {
    kind: 'no-webgpu',
    // web-llm's detectGPUDevice when requestAdapter() answers null.
    test: /Unable to find a compatible GPU/i,
    message:
      'This browser has WebGPU but found no GPU it can use (there is none, or its driver is blocked). Update the graphics driver or try another browser; the catalog and simulated models still work.',
  },
  {
    kind: 'no-webgpu',
    test: /WebGPUNotAvailable|WebGPUNotFound|WebGPU is not supported|Cannot find WebGPU|navigator\.gpu|no (?:WebGPU )?adapter|requestAdapter/i,
  },
  {
    kind: 'out-of-memory',
    test: /out of memory|\bOOM\b|allocation failed|failed to allocate|cannot allocate|Maximum call stack|buffer size .* exceeds|exceeds the max(?:imum)? buffer/i,
  },
  {
    kind: 'network',
    test: /Failed to fetch|NetworkError|network error|ERR_[A-Z_]*(?:CONNECTION|NETWORK|NAME|INTERNET|ADDRESS)|Load failed|fetch failed|status(?: code)?:? ?[45]\d\d|'add' on 'Cache'.*Request failed|Cache\.add.*Request failed/i,
  },
  {
    // Chromium's refusal when the site may not store data; Firefox's in some private windows.
    kind: 'storage',
    test: /SecurityError|The operation is insecure|on 'CacheStorage'/i,
    message:
      'This browser does not let Quorum store model files (site data is blocked for this site, or this is a private window). Allow this site to store data, or use a normal window, then try again.',
  },
  {
    kind: 'model-lib',
    test: /CompileError|LinkError|expected magic word|WebAssembly\.(?:instantiate|compile)|model_lib|MissingModelError|ArtifactManifestError/i,
  },
  {
    kind: 'not-loaded',
    test: /ModelNotLoadedError|Model not loaded before|is not loaded with a model/i,
  },
  {
    kind: 'bad-request',
    test: /WindowSize(?:Configuration|Specification)Error|AttentionSinkSizeError|context_window_size and sliding_window_size/i,
    message:
      'web-llm refused this model’s settings (its context and sliding windows conflict). This is a fault in Quorum’s model list, not in your device: pick another model.',
  },
  { kind: 'not-recorded', test: /RecordedAnswerNotFound/ },
  {
    kind: 'bad-request',
    test: /ContextWindowSizeExceeded|exceed context window/i,
    message:
      'The conversation is longer than this model’s context window. Start a new conversation or shorten the prompt.',
  },
  {
    kind: 'bad-request',
    test: /ModelNotFound|Cannot find model record|not found in (?:the )?model list/i,
    message: 'This model is not in web-llm’s model list. Pick a model from the model manager.',
  },
];

/**
 * The name and message of any thrown value (Error, DOMException, {name,message}, string). An empty
 * part is left out: Chromium's QuotaExceededError on a full disk has no message, and a visitor
 * should read "QuotaExceededError", not "QuotaExceededError: " or "()". A plain Error gives its
 * message alone: "Error: " in front of a sentence only gets in a visitor's way.
 */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const { name, message } = error as { name?: unknown; message?: unknown };
    // A plain Error's name says nothing ("Error: Pick at least 2 models"): its message is the text.
    const named = name === 'Error' && typeof message === 'string' && message.trim() !== '';
    const parts = [named ? '' : name, message].filter(
      (part): part is string => typeof part === 'string' && part.trim() !== '',
    );
    if (parts.length > 0) return parts.join(': ');
  }
  return String(error);
}

/**
 * A sentence a visitor can read about any thrown value, for places that show a failure as text: the
 * advice of its kind when it is one Quorum knows (storage, quota, …); otherwise its own text
 * (errorText: a plain Error's message without "Error: "), or `fallback` when it has none worth
 * reading ("[object Object]", an empty message).
 */
export function visitorMessage(error: unknown, fallback: string): string {
  const known = classifyError(error);
  if (known.kind !== 'unknown') return known.message;
  const text = errorText(error).trim();
  return text === '' || text === 'Error' || /^\[object \w+\]$/.test(text) ? fallback : text;
}

/** Whether a thrown value says the browser's storage is full (the one quota test of the app). */
export function isQuotaExceeded(error: unknown): boolean {
  return QUOTA.test(errorText(error));
}

/** Builds a ClassifiedError of a known kind, keeping the original text as detail. */
export function classified(kind: ErrorKind, detail?: string, message?: string): ClassifiedError {
  const error: ClassifiedError = { kind, message: message ?? ERROR_ADVICE[kind] };
  if (detail !== undefined && detail !== '') error.detail = detail;
  return error;
}

/**
 * Classifies a thrown value by its name and message; unknown errors keep their text as detail.
 * Always a plain object (safe to post or store): a ClassifiedFailure gives its fields.
 */
export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof ClassifiedFailure) {
    const { kind, message, detail } = error;
    return detail === undefined ? { kind, message } : { kind, message, detail };
  }
  if (isClassified(error)) return error;
  const text = errorText(error);
  const rule = RULES.find((candidate) => candidate.test.test(text));
  return classified(rule?.kind ?? 'unknown', text, rule?.message);
}

/** Whether a value already has the ClassifiedError shape (a kind this app knows, and a message). */
export function isClassified(value: unknown): value is ClassifiedError {
  if (!value || typeof value !== 'object') return false;
  const { kind, message } = value as { kind?: unknown; message?: unknown };
  return typeof kind === 'string' && kind in ERROR_ADVICE && typeof message === 'string';
}

/**
 * A ClassifiedError in the form of an Error, for code that throws or rejects: a failed worker call
 * (see worker-port.ts) rejects with one, and ModelError extends it. `classifyError` returns it as is.
 */
export class ClassifiedFailure extends Error implements ClassifiedError {
  readonly kind: ErrorKind;
  readonly detail: string | undefined;
  constructor(error: ClassifiedError) {
    super(error.message);
    this.name = 'ClassifiedFailure';
    this.kind = error.kind;
    this.detail = error.detail;
  }
}
