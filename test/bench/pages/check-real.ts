// check:real page: one model through Quorum's own download worker and model worker, step by step, each step's outcome recorded.
import { createDownloadClient } from '../../../src/models/download/download-client.js';
import { isModelCached, missingFiles } from '../../../src/models/download/download-cache.js';
import { MODEL_LIST } from '../../../src/models/list/model-list.js';
import type { GenerateParams } from '../../../src/models/model-client.js';
import { ModelWorkerClient } from '../../../src/models/worker/model-worker-client.js';
import { classifyError, type ClassifiedError } from '../../../src/shared/errors.js';
import './adapter-check.js';

/** One step: how long it took, and its classified error when it failed. */
export interface StepOutcome {
  ok: boolean;
  ms: number;
  error?: ClassifiedError;
  note?: string;
}

export interface CheckReport {
  modelId: string;
  download: StepOutcome;
  /** Quorum's rule (every file the load reads) and web-llm's hasModelInCache (the weights). */
  cached: { quorum: boolean; webllm: boolean; missing: string[] };
  load: StepOutcome;
  answer: StepOutcome & { text?: string; decodeTokensPerS?: number };
  json: StepOutcome & { text?: string; parsed?: boolean };
  stop: StepOutcome;
  unload: StepOutcome;
}

declare global {
  interface Window {
    checkReal: (modelId: string) => Promise<CheckReport>;
  }
}

const SKIPPED: StepOutcome = { ok: false, ms: 0, note: 'not run: an earlier step failed' };

async function step<T>(work: () => Promise<T>): Promise<StepOutcome & { value?: T }> {
  const started = performance.now();
  try {
    const value = await work();
    return { ok: true, ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: classifyError(error) };
  }
}

async function complete(worker: ModelWorkerClient, params: GenerateParams) {
  let text = '';
  for await (const event of worker.generate(params)) {
    if (event.type === 'delta') text += event.text;
    else return { text, usage: event.usage };
  }
  throw new Error('the answer ended without usage');
}

/** Stops a long answer at its first words; the model must then answer again as usual. */
async function stopMidAnswer(worker: ModelWorkerClient): Promise<string> {
  const controller = new AbortController();
  const long = {
    messages: [{ role: 'user' as const, content: 'Count from 1 to 500.' }],
    maxTokens: 512,
  };
  let deltas = 0;
  try {
    for await (const event of worker.generate(long, controller.signal)) {
      if (event.type === 'delta' && ++deltas === 3) controller.abort();
    }
  } catch (error) {
    if (classifyError(error).kind !== 'aborted') throw error;
  }
  const after = await complete(worker, {
    messages: [{ role: 'user', content: 'Say OK.' }],
    maxTokens: 8,
  });
  return `stopped after ${deltas} deltas; then answered "${after.text.trim()}"`;
}

window.checkReal = async (modelId) => {
  const info = MODEL_LIST.find((m) => m.id === modelId);
  const report: CheckReport = {
    modelId,
    download: SKIPPED,
    cached: { quorum: false, webllm: false, missing: [] },
    load: SKIPPED,
    answer: SKIPPED,
    json: SKIPPED,
    stop: SKIPPED,
    unload: SKIPPED,
  };
  if (!info) {
    report.download = { ok: false, ms: 0, note: `${modelId} is not in Quorum's model list` };
    return report;
  }
  const record = info.record;
  const download = await step(async () => {
    const result = await createDownloadClient().downloadModel(record);
    if (!result.ok) throw result.error;
    return `${(result.bytes / 1024 ** 2).toFixed(0)} MB, ${result.skippedFiles} files already cached`;
  });
  report.download = { ...download, note: download.value };
  // Only this page imports web-llm on the main thread; the app never does.
  const { hasModelInCache, prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  report.cached = {
    quorum: await isModelCached(record),
    webllm: await hasModelInCache(modelId, prebuiltAppConfig),
    missing: await missingFiles(record),
  };
  if (!download.ok) return report;

  const worker = new ModelWorkerClient({
    engine: 'webllm',
    modelId,
    label: modelId,
    modelRecord: record,
  });
  report.load = await step(() => worker.load());
  if (!report.load.ok) return report;
  const answer = await step(() =>
    complete(worker, {
      messages: [{ role: 'user', content: 'Name three colours, briefly.' }],
      maxTokens: 48,
      temperature: 0,
      seed: 1,
    }),
  );
  report.answer = {
    ...answer,
    text: answer.value?.text,
    decodeTokensPerS: answer.value?.usage.decodeTokensPerS,
  };
  const json = await step(() =>
    complete(worker, {
      messages: [
        { role: 'user', content: 'Reply in JSON with one field "colour": a colour of the sky.' },
      ],
      maxTokens: 48,
      temperature: 0,
      seed: 1,
      json: {
        schema: JSON.stringify({
          type: 'object',
          properties: { colour: { type: 'string' } },
          required: ['colour'],
        }),
      },
    }),
  );
  const parsed = (() => {
    try {
      return typeof JSON.parse(json.value?.text ?? '') === 'object';
    } catch {
      return false;
    }
  })();
  report.json = { ...json, text: json.value?.text, parsed };
  const stop = await step(() => stopMidAnswer(worker));
  report.stop = { ...stop, note: stop.value };
  report.unload = await step(() => worker.unload());
  return report;
};
