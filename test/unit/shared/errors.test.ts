// The one error shape: classifying anything thrown into a kind with advice, and the advice itself.
import { describe, expect, it } from 'vitest';
import {
  ERROR_ADVICE,
  classified,
  classifyError,
  errorText,
  visitorMessage,
  type ErrorKind,
} from '../../../src/shared/errors.js';
import {
  modelNotLoadedError,
  noAdapterError,
  storageBufferLimitError,
  unloadDuringReloadError,
  webLlmErrorClass,
} from '../../support/webllm-errors.js';

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const CASES: [ErrorKind, unknown][] = [
  [
    'no-webgpu',
    named('WebGPUNotAvailableError', 'WebGPU is not supported in your current environment'),
  ],
  ['no-webgpu', 'Error: Cannot find WebGPU in the environment'],
  [
    'missing-feature',
    named(
      'ShaderF16SupportError',
      'This model requires WebGPU extension shader-f16, which is not enabled in this browser.',
    ),
  ],
  ['missing-feature', 'FeatureSupportError: This model requires feature timestamp-query'],
  [
    'device-lost',
    named(
      'DeviceLostError',
      'The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).',
    ),
  ],
  ['device-lost', 'GPUDeviceLostInfo: Device was lost (unknown): reset'],
  ['out-of-memory', 'Out of memory'],
  ['not-recorded', 'RecordedAnswerNotFound: GPT-3 6B fine-tuned (recorded) has no answer to "Hi"'],
  ['out-of-memory', new RangeError('Array buffer allocation failed')],
  ['quota-exceeded', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
  ['network', new TypeError('Failed to fetch')],
  ['network', 'NetworkError when attempting to fetch resource.'],
  ['network', 'Error: net::ERR_CONNECTION_REFUSED'],
  ['network', "TypeError: Failed to execute 'add' on 'Cache': Request failed"],
  [
    'model-lib',
    'CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 44 4f @+0',
  ],
  [
    'model-lib',
    named(
      'LinkError',
      'WebAssembly.Instance(): Import #0 module="env" function="x": function import requires a callable',
    ),
  ],
  ['aborted', new DOMException('The operation was aborted.', 'AbortError')],
  ['bad-request', 'ContextWindowSizeExceededError: Prompt tokens exceed context window size'],
  ['bad-request', 'ModelNotFoundError: Cannot find model record in appConfig for nope'],
  ['unknown', new Error('something nobody anticipated')],
];

describe('classifyError', () => {
  it.each(CASES)('classifies as %s: %s', (kind, error) => {
    const result = classifyError(error);
    expect(result.kind).toBe(kind);
    expect(result.message.length).toBeGreaterThan(5);
  });

  it('keeps the original text as detail and gives the kind’s advice', () => {
    const result = classifyError(new TypeError('Failed to fetch'));
    expect(result.detail).toBe('TypeError: Failed to fetch');
    expect(result.message).toBe(ERROR_ADVICE.network);
  });

  it('passes an already classified error through unchanged', () => {
    const error = classified('timeout', 'no reply');
    expect(classifyError(error)).toBe(error);
  });

  it('names the q4f32 variant as the fix for a missing shader-f16', () => {
    expect(classifyError('shader-f16 missing').message).toMatch(/q4f32/);
  });

  it('gives a plain Error its message alone, and a named one its name too (issue 10 item 11)', () => {
    expect(errorText(new Error('Pick at least 2 models for the pool.'))).toBe(
      'Pick at least 2 models for the pool.',
    );
    expect(errorText(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(errorText(new Error(''))).toBe('Error');
  });

  it('reads name and message from plain objects that crossed a worker boundary', () => {
    expect(errorText({ name: 'QuotaExceededError', message: 'full' })).toBe(
      'QuotaExceededError: full',
    );
    expect(classifyError({ name: 'QuotaExceededError', message: 'full' }).kind).toBe(
      'quota-exceeded',
    );
  });

  it('gives every kind a distinct, non-empty piece of advice', () => {
    const messages = Object.values(ERROR_ADVICE);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) expect(message.trim()).not.toBe('');
  });
});

describe("classifyError on web-llm 0.2.86's own errors", () => {
  const WindowSizeConfigurationError = webLlmErrorClass('WindowSizeConfigurationError') as new (
    context: number,
    sliding: number,
  ) => Error;
  const ArtifactManifestError = webLlmErrorClass('ArtifactManifestError') as new (
    message: string,
  ) => Error;

  const cases: [string, ErrorKind, RegExp, () => Promise<unknown> | unknown][] = [
    ['no compatible GPU adapter', 'no-webgpu', /no GPU it can use/, noAdapterError],
    [
      'requested maxStorageBufferBindingSize exceeds limit',
      'gpu-limit',
      /storage buffers/,
      () => storageBufferLimitError(64 << 20),
    ],
    [
      // The message of lib/index.js line 11766, with gemma-4's 192 MB and a phone's 128 MB.
      'ArtifactManifestError for the buffer limit',
      'gpu-limit',
      /storage buffers/,
      () =>
        new ArtifactManifestError(
          'Compiled artifact requires maxStorageBufferBindingSize 201326592, but this device exposes 134217728',
        ),
    ],
    [
      // lib/index.js line 11759.
      'ArtifactManifestError for a missing feature',
      'missing-feature',
      /feature/,
      () =>
        new ArtifactManifestError(
          'Compiled artifact requires unsupported WebGPU feature "subgroups"',
        ),
    ],
    [
      // lib/index.js line 3691: a corrupt manifest is a corrupt download.
      'ArtifactManifestError for an unreadable manifest',
      'model-lib',
      /download it again/,
      () => new ArtifactManifestError('mlc-model-manifest.json: invalid JSON'),
    ],
    [
      'WindowSizeConfigurationError',
      'bad-request',
      /window/,
      () => new WindowSizeConfigurationError(4096, 4096),
    ],
    ['ModelNotLoadedError', 'not-loaded', /Load it again/, modelNotLoadedError],
    ['an abort whose reason is a bare string', 'aborted', /Stopped/, unloadDuringReloadError],
  ];

  it.each(cases)('%s → %s, with advice', async (_name, kind, advice, produce) => {
    const error = await produce();
    const result = classifyError(error);
    expect(result).toMatchObject({ kind, detail: errorText(error) });
    expect(result.message).toMatch(advice);
  });
});

describe('visitorMessage', () => {
  const fallback = 'Reload the page and try again.';

  it('gives a plain Error’s sentence without "Error: " in front', () => {
    expect(visitorMessage(new Error('The conversation store is closed.'), fallback)).toBe(
      'The conversation store is closed.',
    );
  });

  it('never shows "[object Object]" or nothing: the fallback stands in', () => {
    expect(visitorMessage({}, fallback)).toBe(fallback);
    expect(visitorMessage(new Error(''), fallback)).toBe(fallback);
    expect(visitorMessage('', fallback)).toBe(fallback);
  });

  it('gives a known failure’s advice', () => {
    const quota = new DOMException('', 'QuotaExceededError');
    expect(visitorMessage(quota, fallback)).toBe(ERROR_ADVICE['quota-exceeded']);
  });
});
