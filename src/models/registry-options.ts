// The model registry's options and the detail of its 'model-failure' event (types only, apart so the registry stays short).
import type { ClassifiedError } from '../shared/errors.js';
import type { DownloadClient } from './download/download-client.js';
import type { DeviceHints } from './gpu/memory-budget.js';
import type { DeviceCapabilities } from './gpu/probe-webgpu.js';
import type { EngineMode } from './list/engine-mode.js';
import type { ModelInfo } from './list/model-list.js';
import type { RetryAction, RetryVariant } from './registry-model-client.js';
import type { SimOptions } from './worker/model-protocol.js';
import type { RemoteClientOptions } from './remote/remote-client.js';

/** Detail of the 'model-failure' event: a model lost the GPU or ran out of memory. */
export interface ModelFailureDetail {
  modelId: string;
  /** The name the visitor knows the model by, where the registry has one. */
  label?: string;
  error: ClassifiedError;
  /** What the registry did: retried with a smaller variant, retried alone (others unloaded), or gave up. */
  retry: RetryAction | null;
  /** For a smaller-variant retry: the variant, its context and the answer limit picked with it. */
  variant?: RetryVariant;
}

/** What the registry is made with; tests inject probes, workers, downloads and engine options. */
export interface RegistryOptions {
  engineMode: EngineMode;
  probe?: () => Promise<DeviceCapabilities>;
  createWorker?: () => Worker;
  downloads?: DownloadClient;
  /** Sim engine options for every simulated client (tests inject speeds and failures). */
  sim?: SimOptions;
  /** Tokens per second of every recorded model's realistic replay, instead of its own pace. */
  recordedSpeed?: number;
  hints?: DeviceHints;
  /** The web-llm models on offer; defaults to web-llm's prebuilt list (tests serve a fixture model). */
  modelList?: readonly ModelInfo[];
  /** Options of every remote endpoint's clients (tests shorten the inactivity limit). */
  remote?: RemoteClientOptions;
}

/** How `ModelRegistry.client()` makes a client. */
export interface ClientOptions {
  /** A second, separate worker for the same model in a pool gets its own id (default: the model's id). */
  id?: string;
  /** 'instant' makes a recorded model give each answer at once (give such a client its own id). */
  replay?: 'realistic' | 'instant';
}
