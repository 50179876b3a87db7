// What the model registry lends each of its clients (ClientHost), apart so the registry stays short.
import type { QuorumDatabase } from '../db/open-database.js';
import { recordLoadOutcome } from './gpu/memory-budget-store.js';
import type { DeviceCapabilities } from './gpu/probe-webgpu.js';
import { smallerVariantOf, type RegistryModel } from './list/registry-models.js';
import type { ModelInfo } from './list/model-list.js';
import type { ModelFailureDetail } from './registry-options.js';
import type {
  ClientHost,
  LoadOutcome,
  ManagedModelClient,
  RegistryModelClient,
} from './registry-model-client.js';
import type { ModelWorkerClient } from './worker/model-worker-client.js';

/** The registry's parts a host reads; the host never keeps state of its own. */
export interface HostParts {
  db: QuorumDatabase;
  modelList: readonly ModelInfo[];
  clients: () => Iterable<RegistryModelClient>;
  createWorkerClient: (model: RegistryModel) => ModelWorkerClient;
  capabilities: () => Promise<DeviceCapabilities>;
  /** The device log's key for this adapter (simulated outcomes apart). */
  logKey: (caps: DeviceCapabilities) => string;
  labelOf: (modelId: string) => string | undefined;
  /** Dispatches on the registry: 'change', or 'model-failure' with a ModelFailureDetail. */
  dispatch: (event: Event) => void;
}

/** A ClientHost over the registry's parts (see ClientHost for each member's contract). */
export function registryHost(parts: HostParts): ClientHost {
  const residents = (except: ManagedModelClient) =>
    [...parts.clients()].filter((c) => c !== except && c.residentMB > 0);
  return {
    createWorkerClient: parts.createWorkerClient,
    residentMB: (except) => residents(except).reduce((sum, c) => sum + c.residentMB, 0),
    smallerVariant: (model) => smallerVariantOf(model.id, parts.modelList),
    unloadOthers: async (except) => {
      await Promise.all(residents(except).map((c) => c.unload()));
    },
    recordOutcome: async (model, residentMB, outcome: LoadOutcome) => {
      // A replay uses no GPU: it teaches the memory budget nothing.
      if (model.engine === 'recorded') return;
      const caps = await parts.capabilities();
      await recordLoadOutcome(parts.db, {
        modelId: model.id,
        vramMB: model.vramMB,
        residentMB,
        outcome,
        adapterKey: parts.logKey(caps),
      });
    },
    reportFailure: (modelId, error, retry, variant) => {
      const label = parts.labelOf(modelId);
      const detail: ModelFailureDetail = {
        modelId,
        error,
        retry,
        ...(label ? { label } : {}),
        ...(variant ? { variant } : {}),
      };
      parts.dispatch(new CustomEvent('model-failure', { detail }));
    },
    changed: () => parts.dispatch(new Event('change')),
  };
}
