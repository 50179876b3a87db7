// The recorded models: real models' answers replayed (GSM8K's four GPT-3 models, or a lab run the visitor imported).
import type { RecordedAnswer, RecordedSource } from '../worker/model-protocol.js';

/** A model whose answers were recorded elsewhere: it replays them and can answer nothing else. */
export interface RecordedModel {
  id: string;
  /** Always ends "(recorded)", so nobody mistakes a replay for a model running here. */
  label: string;
  /** Who recorded the answers, shown beside the model. */
  source: string;
  paramsB: number | null;
  recording: RecordedSource;
  /** The pace of a realistic replay: RECORDED_REPLAY_PACE for every recording (made up, not a measurement). */
  pace: { tokensPerSecond: number; timeToFirstTokenMs: number };
}

/** Where the GSM8K recorded solutions are served from (public/eval/). */
export const GSM8K_RECORDING_URL = '/eval/gsm8k-recorded-solutions.jsonl';
/** Where the recorded answers come from, shown with every recorded answer. */
export const GSM8K_RECORDING_SOURCE =
  'OpenAI’s GSM8K release (Cobbe et al. 2021, arXiv 2110.14168, MIT licence)';

/**
 * The one pace every recording replays at: 45 tokens per second after 250 ms. The recordings carry no
 * timing, so any pace is made up; one pace for all of them means a recorded member's time follows only
 * the length of its real answer, and no model looks slower because of a size rule we invented (the
 * 175B models used to replay at 20 tokens per second, the 6B ones at 45). `?recordedSpeed=` changes it.
 */
export const RECORDED_REPLAY_PACE: RecordedModel['pace'] = {
  tokensPerSecond: 45,
  timeToFirstTokenMs: 250,
};

const gsm8k = (id: string, label: string, column: string, paramsB: number): RecordedModel => ({
  id: `recorded-gsm8k-${id}`,
  label: `${label} (recorded)`,
  source: GSM8K_RECORDING_SOURCE,
  paramsB,
  recording: { kind: 'gsm8k', url: GSM8K_RECORDING_URL, column },
  pace: RECORDED_REPLAY_PACE,
});

/** The four GSM8K models, weakest first; they answer the 1,319 GSM8K test problems only. */
export const GSM8K_RECORDED_MODELS: readonly RecordedModel[] = [
  gsm8k('6b-finetuned', 'GPT-3 6B fine-tuned', '6b_finetuning', 6),
  gsm8k('6b-verifier', 'GPT-3 6B + verifier', '6b_verification', 6),
  gsm8k('175b-finetuned', 'GPT-3 175B fine-tuned', '175b_finetuning', 175),
  gsm8k('175b-verifier', 'GPT-3 175B + verifier', '175b_verification', 175),
];

/** A recording the visitor imported (a lab run's export), as the `recordings` store keeps it. */
export interface RecordingRecord {
  id: string;
  /** The file's own description of where the answers come from (device, date, task set). */
  source: string;
  importedAt: number;
  models: { id: string; label: string }[];
  /** Per question: the question as asked and each model's answer (absent where it failed). */
  questions: { question: string; answers: Record<string, string> }[];
}

/** The models of an imported recording, each replaying its own answers. */
export function importedRecordedModels(record: RecordingRecord): RecordedModel[] {
  return record.models.map((model) => {
    const answers: RecordedAnswer[] = [];
    for (const q of record.questions) {
      // Own answers only: a model id such as "constructor" must not find Object's inherited members.
      const text = Object.hasOwn(q.answers, model.id) ? q.answers[model.id] : undefined;
      if (typeof text === 'string') answers.push({ question: q.question, text });
    }
    const label = model.label.replace(/\s*\(recorded\)$/, '');
    return {
      id: `recorded-import-${record.id}-${model.id}`,
      label: `${label} (recorded)`,
      source: record.source,
      paramsB: null,
      recording: { kind: 'inline', answers },
      pace: RECORDED_REPLAY_PACE,
    };
  });
}

/** True for the id of a recorded model (GSM8K's or an imported recording's): every such id starts "recorded-". */
export function isRecordedModelId(id: string): boolean {
  return id.startsWith('recorded-');
}

/** The GSM8K recorded model with this id, if any. */
export function findGsm8kRecordedModel(id: string): RecordedModel | undefined {
  return GSM8K_RECORDED_MODELS.find((model) => model.id === id);
}

/**
 * `?recordedSpeed=200`: the realistic replay's pace in tokens per second (1–5000), for demos and
 * tests that need a run slow enough to interrupt; undefined when absent or out of range.
 */
export function recordedSpeedFromUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('recordedSpeed');
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 1 && value <= 5000 ? value : undefined;
}

/**
 * A question the GSM8K recorded models can answer, picked at random from their recording (the file
 * they load anyway, so it is cached once either has run).
 * @throws Error when the recording cannot be fetched (offline before it was ever loaded).
 */
export async function randomRecordedQuestion(random: () => number = Math.random): Promise<string> {
  const response = await fetch(GSM8K_RECORDING_URL);
  if (!response.ok)
    throw new Error(`The recording could not be fetched (status ${response.status})`);
  const lines = (await response.text()).split('\n').filter((line) => line.trim());
  const line = lines[Math.floor(random() * lines.length)];
  const row = line ? (JSON.parse(line) as { question?: unknown }) : {};
  if (typeof row.question !== 'string') throw new Error('The recording has no question there');
  return row.question;
}
