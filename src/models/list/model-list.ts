// The chat LLMs of web-llm's prebuilt list (from a JSON snapshot, so the page never imports web-llm) and their facts.
import type { DeviceCapabilities } from '../gpu/probe-webgpu.js';
import type { ModelRecordOverride } from '../worker/model-protocol.js';
import snapshot from './webllm-models.json';

/** One record of web-llm's prebuilt model list, as snapshotted. */
export type WebLlmModelRecord = ModelRecordOverride & {
  vram_required_MB: number;
  low_resource_required: boolean;
};

/** The facts Quorum derives from a web-llm record: family, size, quantization, context, memory. */
export interface ModelInfo {
  id: string;
  family: string;
  /** Billions of parameters; null when neither the id nor the known table names them. */
  paramsB: number | null;
  /** e.g. q4f16_1, q4f32_1, q0f16; null when the id names none. */
  quantization: string | null;
  /** From the record's overrides; null means the model's own mlc-chat-config decides. */
  contextWindow: number | null;
  vramMB: number;
  lowResource: boolean;
  needsShaderF16: boolean;
  modelUrl: string;
  modelLibUrl: string;
  /** A base model (pretrained, not tuned for chat): offered on /models, never for chat or fusion. */
  base: boolean;
  /** The record to hand to the download worker or the model worker. */
  record: WebLlmModelRecord;
}

const QUANT_RE = /(?:^|-)(q\d+f\d+(?:_\d+)?)(?=-|$)/;
// "1_6b" (stablelm) writes 1.6 with an underscore; "E2B" (gemma-4) is an effective size.
const SIZE_RE = /(?:^|[-_])E?(\d+(?:[._]\d+)?)([BbMm])(?=[-_]|$)/;

// Model cards name these sizes; the ids do not.
const KNOWN_PARAMS_B: readonly [RegExp, number][] = [
  [/^Phi-3(\.5)?-mini/i, 3.8],
  [/^Phi-4-mini/i, 3.8],
  [/^phi-2/i, 2.7],
  [/^phi-1_5/i, 1.3],
];

// Base models continue text rather than answer: "-Base-" in the id, or a model card that says so
// (microsoft/phi-2 and microsoft/phi-1_5: base models, not fine-tuned for instructions or chat).
const BASE_MODELS: readonly RegExp[] = [/(?:^|-)Base(?:-|$)/, /^phi-2-/i, /^phi-1_5-/i];

/** Whether the id names a base (pretrained, not chat-tuned) model. */
export function isBaseModel(id: string): boolean {
  return BASE_MODELS.some((re) => re.test(id));
}

/** The quantization a model id names (e.g. q4f16_1), or null. */
export function parseQuantization(id: string): string | null {
  return id.match(QUANT_RE)?.[1] ?? null;
}

/**
 * The parameters in billions a model id names ("1.5B", "360M" → 0.36), else from the known table; null when
 * unknown.
 */
export function parseParamsB(id: string): number | null {
  const match = id.match(SIZE_RE);
  if (match?.[1] && match[2]) {
    const value = Number(match[1].replace('_', '.'));
    return match[2].toUpperCase() === 'M' ? value / 1000 : value;
  }
  return KNOWN_PARAMS_B.find(([re]) => re.test(id))?.[1] ?? null;
}

/** The name before the size (or before the quantization when there is no size): "Qwen2.5", "Llama-3.2". */
export function parseFamily(id: string): string {
  const size = id.match(SIZE_RE);
  const end = size?.index ?? id.match(QUANT_RE)?.index ?? id.length;
  return id.slice(0, end).replace(/[-_]+$/, '') || id;
}

/** A web-llm record's facts, read from its id and overrides. */
export function toModelInfo(record: WebLlmModelRecord): ModelInfo {
  const quantization = parseQuantization(record.model_id);
  return {
    id: record.model_id,
    family: parseFamily(record.model_id),
    paramsB: parseParamsB(record.model_id),
    quantization,
    contextWindow: record.overrides?.context_window_size ?? null,
    vramMB: record.vram_required_MB,
    lowResource: record.low_resource_required,
    needsShaderF16:
      (record.required_features ?? []).includes('shader-f16') || /f16/.test(quantization ?? ''),
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    base: isBaseModel(record.model_id),
    record,
  };
}

/** The chat models of web-llm's prebuilt list, from the JSON snapshot (so the page never imports web-llm). */
export const MODEL_LIST: readonly ModelInfo[] = (snapshot as WebLlmModelRecord[]).map(toModelInfo);

/** Ids that differ only in quantization share a key: "Qwen2.5-1.5B-Instruct-*-MLC". */
export function variantKey(id: string): string {
  return id.replace(QUANT_RE, (whole, quant: string) => whole.replace(quant, '*'));
}

// Without shader-f16 only f32 variants can run; with it, f16 halves the activations' memory.
const PREFERENCE_WITH_F16 = ['q4f16_1', 'q4f32_1', 'q3f16_1', 'q0f16', 'q0f32'];
const PREFERENCE_WITHOUT_F16 = ['q4f32_1', 'q0f32'];

/** The variant to offer among models that differ only in quantization; null when none can run. */
export function pickVariant(
  variants: readonly ModelInfo[],
  caps: Pick<DeviceCapabilities, 'shaderF16'>,
): ModelInfo | null {
  const order = caps.shaderF16 ? PREFERENCE_WITH_F16 : PREFERENCE_WITHOUT_F16;
  const runnable = variants.filter((m) => caps.shaderF16 || !m.needsShaderF16);
  const rank = (m: ModelInfo) => {
    const at = order.indexOf(m.quantization ?? '');
    return at === -1 ? order.length : at;
  };
  return [...runnable].sort((a, b) => rank(a) - rank(b) || a.vramMB - b.vramMB)[0] ?? null;
}

/** One preferred variant per model, in list order. */
export function preferredModels(
  models: readonly ModelInfo[],
  caps: Pick<DeviceCapabilities, 'shaderF16'>,
): ModelInfo[] {
  const groups = new Map<string, ModelInfo[]>();
  for (const model of models) {
    const key = variantKey(model.id);
    groups.set(key, [...(groups.get(key) ?? []), model]);
  }
  return [...groups.values()]
    .map((variants) => pickVariant(variants, caps))
    .filter((m): m is ModelInfo => m !== null);
}

/** The same model with a smaller context window and less memory (the "-1k" builds), if the list has one. */
export function smallerContextVariant(
  model: ModelInfo,
  models: readonly ModelInfo[],
): ModelInfo | null {
  const base = model.id.replace(/-\d+k$/, '');
  return (
    models
      .filter((m) => m.id !== model.id && m.id.replace(/-\d+k$/, '') === base)
      .filter((m) => m.vramMB < model.vramMB)
      .sort((a, b) => b.vramMB - a.vramMB)[0] ?? null
  );
}
