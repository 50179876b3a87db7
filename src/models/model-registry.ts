// The app's one model registry: what is downloaded, clients with one worker per model, the GPU plan and budget.
import { requestPersistence } from '../db/storage-persistence.js';
import type { QuorumDatabase } from '../db/open-database.js';
import { classified } from '../shared/errors.js';
import { createDownloadClient, type DownloadClient } from './download/download-client.js';
import {
  deleteModelFromCache,
  deleteUnlistedFiles,
  unlistedFiles,
  type UnlistedFile,
} from './download/download-cache.js';
import type { EngineMode } from './list/engine-mode.js';
import { estimateBudget, type BudgetEstimate } from './gpu/memory-budget.js';
import { simulatedBudget } from './gpu/simulated-budget.js';
import { downloadSimulated, downloadWebLlmFiles } from './download/download-model.js';
import {
  type BudgetDevice,
  readBudgetOverride,
  readDeviceLog,
  writeBudgetOverride,
} from './gpu/memory-budget-store.js';
import {
  RegistryModelClient,
  type ClientHost,
  type ManagedModelClient,
} from './registry-model-client.js';
import {
  availableOf,
  findRegistryModel,
  modelsForMode,
  type AvailableModel,
  type RegistryModel,
} from './list/registry-models.js';
import {
  readRecordedOffers,
  recordedLoadOptions,
  type RecordedOffer,
} from './list/recorded-offers.js';
import {
  DownloadTracker,
  type ModelDownloadProgress,
  type ModelDownloadResult,
} from './download/downloads-in-flight.js';
import {
  cachedBytes,
  markSimDownloaded,
  storedFor,
  type StoredModels,
} from './list/downloaded-models.js';
import { MODEL_LIST, type ModelInfo, type WebLlmModelRecord } from './list/model-list.js';
import { planGpuMemory, withElsewhere, type GpuMemoryPlan } from './gpu/plan-gpu-memory.js';
import { plannedModel } from './gpu/device-fit.js';
import { adapterKey, probeWebGpu, type DeviceCapabilities } from './gpu/probe-webgpu.js';
import { ModelWorkerClient } from './worker/model-worker-client.js';
import type { ClientOptions, RegistryOptions } from './registry-options.js';
import { registryHost } from './registry-host.js';
import { RemoteModels } from './remote/remote-models.js';
import { BuiltinModels } from './builtin/builtin-models.js';

export type { EngineMode } from './list/engine-mode.js';
export type { ManagedModelClient } from './registry-model-client.js';
export type { RegistryModel } from './list/registry-models.js';
export type { AvailableModel, ModelKind } from './model-offer.js';
export type { RecordedOffer } from './list/recorded-offers.js';
export type { ClientOptions, ModelFailureDetail, RegistryOptions } from './registry-options.js';

/** The device log keeps simulated outcomes apart, so they never teach the real GPU's budget. */
const SIM_ADAPTER_KEY = 'simulated';

/**
 * The app's one model registry, provided to every view: lists the models on offer, downloads and removes
 * them, hands out clients (one worker per model) and plans GPU memory against the device's budget. Fires
 * 'change' when what is stored or offered changes, 'model-failure' (ModelFailureDetail) on a GPU loss.
 */
export class ModelRegistry extends EventTarget {
  readonly engineMode: EngineMode;
  private readonly clients = new Map<string, RegistryModelClient>();
  private capabilitiesPromise: Promise<DeviceCapabilities> | null = null;
  private downloadClient: DownloadClient | null;
  private readonly host: ClientHost;
  /** Downloads in flight, shared by every view. */
  readonly downloads = new DownloadTracker((modelId, onProgress, signal) =>
    this.download(modelId, onProgress, signal),
  );
  private readonly modelList: readonly ModelInfo[];
  /** The models of imported recordings, as last read from the `recordings` store. */
  private imported = new Map<string, RegistryModel>();
  /** Models on the visitor's OpenAI-compatible endpoints (no download, no GPU memory here). */
  readonly remote: RemoteModels;
  /** Chrome's built-in model, where the browser has one. */
  readonly builtin = new BuiltinModels();

  constructor(
    /** The app's one connection: the registry keeps its settings, device log and downloaded list in it. */
    private readonly db: QuorumDatabase,
    private readonly options: RegistryOptions,
  ) {
    super();
    this.engineMode = options.engineMode;
    this.downloadClient = options.downloads ?? null;
    this.modelList = options.modelList ?? MODEL_LIST;
    this.host = registryHost({
      db,
      modelList: this.modelList,
      clients: () => this.clients.values(),
      createWorkerClient: (model) => this.createWorkerClient(model),
      capabilities: () => this.capabilities(),
      logKey: (caps) => this.logKey(caps),
      labelOf: (modelId) => this.find(modelId)?.label,
      dispatch: (event) => this.dispatchEvent(event),
    });
    this.remote = new RemoteModels(db, options.remote);
    this.remote.endpoints.addEventListener('change', () => this.changed());
    this.builtin.addEventListener('ready', () => this.changed());
  }

  get simulated(): boolean {
    return this.engineMode === 'sim';
  }

  /** The WebGPU probe, run once. */
  capabilities(): Promise<DeviceCapabilities> {
    this.capabilitiesPromise ??= (this.options.probe ?? probeWebGpu)();
    return this.capabilitiesPromise;
  }

  /** Every model of this mode (the picked variant per model for web-llm). */
  async models(): Promise<RegistryModel[]> {
    const caps = await this.capabilities();
    return modelsForMode(this.simulated, caps.shaderF16, this.modelList);
  }

  /** Ids of the models whose every file is stored (a simulated model's pretend download counts). */
  async downloadedIds(): Promise<Set<string>> {
    return (await this.stored()).complete;
  }

  /** The downloaded models, and those with some files stored but not all (what each lacks). */
  stored(): Promise<StoredModels> {
    return storedFor(this.db, this.simulated, this.records());
  }

  /** Files in web-llm's caches no listed model reads (an older web-llm's libraries, unlisted models). */
  unlistedFiles(): Promise<UnlistedFile[]> {
    return this.simulated ? Promise.resolve([]) : unlistedFiles(this.records());
  }

  async deleteUnlistedFiles(files: readonly UnlistedFile[]): Promise<void> {
    await deleteUnlistedFiles(files);
    this.changed();
  }

  /** What can be put in a pool or a chat: the downloaded chat models of this mode, then endpoints', the browser's. */
  async available(): Promise<AvailableModel[]> {
    const [device, remote, builtin] = await Promise.all([
      this.deviceModels(),
      this.remote.offers(),
      this.builtin.offers(),
    ]);
    return [...device, ...remote, ...builtin];
  }

  private async deviceModels(): Promise<AvailableModel[]> {
    const ids = await this.downloadedIds();
    const models = [...ids].map((id) => this.find(id));
    return availableOf(models.filter((m): m is RegistryModel => m?.simulated === this.simulated));
  }

  /**
   * The recorded models, in any engine mode: GSM8K's four, then those of imported recordings
   * (read from the `recordings` store; `client()` knows them from then on).
   */
  async recordedModels(): Promise<RecordedOffer[]> {
    const { offers, imported } = await readRecordedOffers(this.db);
    this.imported = imported;
    return offers;
  }

  /** One client per id; pass `id` for a second, separate worker for the same model (see ClientOptions). */
  client(modelId: string, options: ClientOptions = {}): ManagedModelClient {
    const external = this.remote.client(modelId) ?? this.builtin.client(modelId);
    if (external) return external;
    const id = options.id ?? modelId;
    const existing = this.clients.get(id);
    if (existing) return existing;
    const found = this.find(modelId);
    if (!found) throw new Error(`Unknown model ${modelId}`);
    const model = found.recording && options.replay ? { ...found, replay: options.replay } : found;
    const client = new RegistryModelClient(id, model, this.host);
    this.clients.set(id, client);
    return client;
  }

  /**
   * The GPU-memory plan: models this GPU cannot run (device-fit.ts) are unfit with the reason;
   * remote and built-in models take none of it and run with the first stage.
   */
  async plan(modelIds: string[]): Promise<GpuMemoryPlan> {
    const [budget, caps] = await Promise.all([this.budget(), this.capabilities()]);
    const elsewhere = modelIds.filter((id) => this.remote.client(id) ?? this.builtin.client(id));
    const planned = modelIds
      .filter((id) => !elsewhere.includes(id))
      .map((id) => plannedModel(id, this.find(id), caps));
    return withElsewhere(planGpuMemory(planned, budget.budgetMB), elsewhere);
  }

  async budget(): Promise<BudgetEstimate> {
    const caps = await this.capabilities();
    const [log, override] = await Promise.all([
      readDeviceLog(this.db, this.logKey(caps)),
      readBudgetOverride(this.db, this.budgetDevice),
    ]);
    // Simulated models run on a simulated device: the real adapter (a software one, a phone's) plays no part.
    if (this.simulated) return simulatedBudget(log, override);
    return estimateBudget(caps.adapter, log, override, this.options.hints);
  }

  /** Frees every model this registry loaded, each once its answers in flight end (another registry took over). */
  async dispose(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.retire()));
  }

  async setBudgetOverride(mb: number | null): Promise<void> {
    await writeBudgetOverride(this.db, mb, this.budgetDevice);
    this.changed();
  }

  /** Web-llm: fetches the files into web-llm's caches. Sim: runs the simulated load, then frees it. */
  async download(
    modelId: string,
    onProgress?: (progress: ModelDownloadProgress) => void,
    signal?: AbortSignal,
  ): Promise<ModelDownloadResult> {
    const model = this.find(modelId);
    if (!model) return { ok: false, error: classified('bad-request', `unknown model ${modelId}`) };
    // Gigabytes are about to land: the moment to ask the browser to keep them (asked once).
    if (model.info) void requestPersistence('download');
    const result = model.info
      ? await downloadWebLlmFiles(
          (this.downloadClient ??= createDownloadClient()),
          model.info.record,
          onProgress,
          signal,
        )
      : await downloadSimulated(this.createWorkerClient(model), onProgress, signal);
    if (result.ok && model.simulated) await markSimDownloaded(this.db, model.id, true);
    this.changed();
    return result;
  }

  async remove(modelId: string): Promise<void> {
    const model = this.find(modelId);
    if (!model) return;
    await this.clients.get(modelId)?.unload();
    if (model.info) {
      await deleteModelFromCache(model.info.record, this.records());
    } else {
      await markSimDownloaded(this.db, model.id, false);
    }
    this.changed();
  }

  /** Bytes of downloaded weights (0 in sim mode: nothing is stored but a list of ids). */
  spaceUsed(): Promise<number> {
    if (this.simulated) return Promise.resolve(0);
    return cachedBytes(this.records());
  }

  private createWorkerClient(model: RegistryModel): ModelWorkerClient {
    return new ModelWorkerClient({
      engine: model.engine,
      modelId: model.id,
      label: model.label,
      sim: model.simulated ? this.options.sim : undefined,
      recorded: recordedLoadOptions(model, this.options.recordedSpeed),
      modelRecord: model.info?.record,
      createWorker: this.options.createWorker,
    });
  }

  private get budgetDevice(): BudgetDevice {
    return this.simulated ? 'simulated' : 'real';
  }

  private find(id: string): RegistryModel | null {
    return this.imported.get(id) ?? findRegistryModel(id, this.modelList);
  }

  private records(): WebLlmModelRecord[] {
    return this.modelList.map((m) => m.record);
  }

  private logKey(caps: DeviceCapabilities): string {
    return this.simulated ? SIM_ADAPTER_KEY : adapterKey(caps.adapter);
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
