// The recorded models the registry offers (GSM8K's four and those of imported recordings) and how a worker replays one.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { RecordedOptions } from '../worker/model-protocol.js';
import { GSM8K_RECORDED_MODELS, importedRecordedModels } from './recorded-models.js';
import {
  fromRecordedModel,
  toAvailable,
  type AvailableModel,
  type RegistryModel,
} from './registry-models.js';

/** A recorded model on offer: its answers are replayed, from the named source. */
export interface RecordedOffer extends AvailableModel {
  source: string;
  /** From a recording the visitor imported (rather than shipped with the app). */
  imported: boolean;
}

/**
 * GSM8K's four recorded models, then those of the recordings in the `recordings` store.
 * `imported` maps each imported model's id to its model, for the registry to find it by.
 * @throws what IndexedDB throws when the store cannot be read.
 */
export async function readRecordedOffers(
  db: QuorumDatabase,
): Promise<{ offers: RecordedOffer[]; imported: Map<string, RegistryModel> }> {
  const records = await db.getAll('recordings');
  const importedModels = records.flatMap(importedRecordedModels).map(fromRecordedModel);
  const imported = new Map(importedModels.map((m) => [m.id, m]));
  const offers = [...GSM8K_RECORDED_MODELS.map(fromRecordedModel), ...importedModels].map((m) => ({
    ...toAvailable(m),
    source: m.recording?.source ?? '',
    imported: imported.has(m.id),
  }));
  return { offers, imported };
}

/**
 * The recorded engine's options for `model` (undefined for a model that is not recorded): an
 * instant replay streams each answer at once; otherwise `recordedSpeed` (tokens/s) overrides the
 * model's own pace.
 */
export function recordedLoadOptions(
  model: RegistryModel,
  recordedSpeed: number | undefined,
): RecordedOptions | undefined {
  if (!model.recording) return undefined;
  return {
    source: model.recording.recording,
    label: model.label,
    tokensPerSecond:
      model.replay === 'instant' ? 0 : (recordedSpeed ?? model.recording.pace.tokensPerSecond),
    timeToFirstTokenMs: model.recording.pace.timeToFirstTokenMs,
  };
}
