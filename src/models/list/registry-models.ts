// Pure: one description for real and simulated models, so the registry and the views treat both alike.
import {
  MODEL_LIST,
  preferredModels,
  smallerContextVariant,
  variantKey,
  type ModelInfo,
} from './model-list.js';
import type { EngineKind } from '../worker/model-protocol.js';
import { humanModelName } from './model-names.js';
import { SIM_MODELS, type SimModel } from './sim-models.js';
import { findGsm8kRecordedModel, type RecordedModel } from './recorded-models.js';

import type { AvailableModel } from '../model-offer.js';

export type { AvailableModel };

/**
 * One model as the registry and the views see it, whatever engine runs it (sizes in MB, paramsB in billions).
 */
export interface RegistryModel {
  id: string;
  /** A person's name: sim models' include "Simulated"; web-llm models' come from the id (model-names.ts). */
  label: string;
  engine: EngineKind;
  simulated: boolean;
  family: string;
  paramsB: number | null;
  quantization: string | null;
  contextWindow: number | null;
  vramMB: number;
  /** A simulated model's pretend download size in MB; real ones are estimated (download-size.ts). */
  downloadMB?: number;
  needsShaderF16: boolean;
  /** The storage-buffer size its library needs (web-llm's buffer_size_required_bytes), null when unnamed. */
  bufferBytes: number | null;
  lowResource: boolean;
  /** The web-llm record (real models only). */
  info: ModelInfo | null;
  /** Other quantizations of the same model that were not picked for this device. */
  otherVariants: string[];
  /** A base (pretrained, not chat-tuned) model: it continues text instead of answering (see model-list.ts). */
  base: boolean;
  /** A recorded model's recording and its source (recorded models only). */
  recording: RecordedModel | null;
  /** How a recorded model replays for this client: at its pace, or each answer at once. */
  replay?: 'realistic' | 'instant';
}

/** A downloaded model as a pool or a chat offers it. */
export function toAvailable(m: RegistryModel): AvailableModel {
  const { id, label, engine, simulated, paramsB, vramMB } = m;
  return { id, label, engine, simulated, paramsB, vramMB, downloaded: true };
}

/** The downloaded models the chat and the studio offer: base models are left out, as they do not chat. */
export function availableOf(downloaded: readonly RegistryModel[]): AvailableModel[] {
  return downloaded.filter((m) => !m.base).map(toAvailable);
}

/** A simulated model as a RegistryModel: labelled Simulated, low-resource when under 1,000 MB. */
export function fromSimModel(model: SimModel): RegistryModel {
  return {
    id: model.id,
    label: model.label,
    engine: 'sim',
    simulated: true,
    family: 'Simulated',
    paramsB: model.paramsB,
    quantization: null,
    contextWindow: model.contextWindow,
    vramMB: model.vramMB,
    downloadMB: model.downloadMB,
    needsShaderF16: false,
    bufferBytes: null,
    lowResource: model.vramMB < 1000,
    info: null,
    otherVariants: [],
    base: false,
    recording: null,
  };
}

/** A recorded model needs no GPU memory and no download: its answers are replayed. */
export function fromRecordedModel(model: RecordedModel): RegistryModel {
  return {
    id: model.id,
    label: model.label,
    engine: 'recorded',
    simulated: false,
    family: 'Recorded',
    paramsB: model.paramsB,
    quantization: null,
    contextWindow: null,
    vramMB: 0,
    needsShaderF16: false,
    bufferBytes: null,
    lowResource: true,
    info: null,
    otherVariants: [],
    base: false,
    recording: model,
  };
}

/** A web-llm model as a RegistryModel, with a person's name and the ids of its other quantizations. */
export function fromModelInfo(info: ModelInfo, otherVariants: string[] = []): RegistryModel {
  return {
    id: info.id,
    label: humanModelName(info.id),
    engine: 'webllm',
    simulated: false,
    family: info.family,
    paramsB: info.paramsB,
    quantization: info.quantization,
    contextWindow: info.contextWindow,
    vramMB: info.vramMB,
    needsShaderF16: info.needsShaderF16,
    bufferBytes: info.record.buffer_size_required_bytes ?? null,
    lowResource: info.lowResource,
    info,
    otherVariants,
    base: info.base,
    recording: null,
  };
}

/** Every model of a mode, with the variant this device should use (q4f32 without shader-f16). */
export function modelsForMode(
  sim: boolean,
  shaderF16: boolean,
  list: readonly ModelInfo[] = MODEL_LIST,
): RegistryModel[] {
  if (sim) return SIM_MODELS.map(fromSimModel);
  return preferredModels(list, { shaderF16 }).map((picked) => {
    const key = variantKey(picked.id);
    const others = list.filter((m) => m.id !== picked.id && variantKey(m.id) === key);
    return fromModelInfo(
      picked,
      others.map((m) => m.id),
    );
  });
}

/** Any model by id, whichever variant: a downloaded model stays usable even if it is not the pick. */
export function findRegistryModel(
  id: string,
  list: readonly ModelInfo[] = MODEL_LIST,
): RegistryModel | null {
  const sim = SIM_MODELS.find((m) => m.id === id);
  if (sim) return fromSimModel(sim);
  const recorded = findGsm8kRecordedModel(id);
  if (recorded) return fromRecordedModel(recorded);
  const info = list.find((m) => m.id === id);
  return info ? fromModelInfo(info) : null;
}

/**
 * The smaller-context build of a model (same weights, e.g. "-1k"), the GPU-loss retry's fallback; null when
 * it has none.
 */
export function smallerVariantOf(
  id: string,
  list: readonly ModelInfo[] = MODEL_LIST,
): RegistryModel | null {
  const info = list.find((m) => m.id === id);
  const smaller = info ? smallerContextVariant(info, list) : null;
  return smaller ? fromModelInfo(smaller) : null;
}
