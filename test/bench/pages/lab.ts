// Bench page: the lab's model calls without the lab (the floor of labOverheadMsPerAnswer), and its statistics worker.
import { runFusion } from '../../../src/fusion/run-fusion.js';
import { compareInWorker } from '../../../src/lab/stats-client.js';
import { BOOTSTRAP } from '../../../src/lab/results/lab-results.js';
import type { AnswererOutcomes } from '../../../src/lab/stats/summarise.js';
import { parseGsm8k } from '../../../src/lab/tasks/gsm8k.js';
import { gradeAnswer } from '../../../src/lab/tasks/task-set.js';
import { GSM8K_RECORDED_MODELS } from '../../../src/models/list/recorded-models.js';
import type { ModelClient } from '../../../src/models/model-client.js';
import { ModelWorkerClient } from '../../../src/models/worker/model-worker-client.js';

export interface LabBareResult {
  ms: number;
  answers: number;
}

export interface LabStatsResult {
  ms: number;
  longTasks: number;
  comparisons: number;
}

declare global {
  interface Window {
    benchLabBare: () => Promise<LabBareResult>;
    benchLabStats: () => Promise<LabStatsResult>;
  }
}

/** The four recorded models in workers at instant replay, as pool members without the registry's bookkeeping. */
async function recordedPool(): Promise<{ pool: ModelClient[]; unload: () => Promise<void> }> {
  const workers = GSM8K_RECORDED_MODELS.map(
    (model) =>
      new ModelWorkerClient({
        engine: 'recorded',
        modelId: model.id,
        label: model.label,
        recorded: {
          source: model.recording,
          label: model.label,
          tokensPerSecond: 0,
          timeToFirstTokenMs: 0,
        },
      }),
  );
  await Promise.all(workers.map((worker) => worker.load()));
  const pool = GSM8K_RECORDED_MODELS.map((model, i): ModelClient => ({
    id: model.id,
    label: model.label,
    simulated: false,
    paramsB: model.paramsB,
    supportsJson: false,
    stream: (params, signal) => workers[i]!.generate(params, signal),
  }));
  return { pool, unload: async () => void (await Promise.all(workers.map((w) => w.unload()))) };
}

async function questions(): Promise<string[]> {
  const text = await (await fetch('/eval/gsm8k-test.jsonl')).text();
  return parseGsm8k(text).tasks.map((task) => task.prompt);
}

/** The same calls as a lab run of GSM8K with the four recorded models and vote, with nothing stored, graded or shown. */
window.benchLabBare = async () => {
  const { pool, unload } = await recordedPool();
  const prompts = await questions();
  const start = performance.now();
  let answers = 0;
  for (const prompt of prompts) {
    const options = { samples: 1, temperature: 0, questionKind: 'number' as const };
    await Promise.all(
      pool.map((client) => runFusion({ mode: 'vote', prompt, pool: [client], options })),
    );
    await runFusion({
      mode: 'vote',
      prompt,
      pool,
      options: { samples: 1, questionKind: 'number' },
    });
    answers += pool.length + 1;
  }
  const ms = performance.now() - start;
  await unload();
  return { ms, answers };
};

/** Outcomes of the whole recording: each model's is-it-right per question, and vote's by plurality. */
async function fullOutcomes(): Promise<AnswererOutcomes[]> {
  const tasks = parseGsm8k(await (await fetch('/eval/gsm8k-test.jsonl')).text()).tasks;
  const rows = (await (await fetch('/eval/gsm8k-recorded-solutions.jsonl')).text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, { solution: string }>);
  const columns = GSM8K_RECORDED_MODELS.map((m) =>
    m.recording.kind === 'gsm8k' ? m.recording.column : '',
  );
  const graded = columns.map((column) =>
    rows.map((row, i) => gradeAnswer(tasks[i]!, row[column]!.solution)),
  );
  const vote = rows.map((_, i) => {
    const answers = graded.map((g) => g[i]!.extracted);
    const count = (a: string | null) => answers.filter((b) => b === a).length;
    const winner = answers.reduce((best, a, j) => (count(a) > count(answers[best]!) ? j : best), 0);
    return graded[winner]![i]!.correct;
  });
  const outcome = (
    id: string,
    kind: 'single' | 'fusion',
    correct: boolean[],
  ): AnswererOutcomes => ({
    id,
    kind,
    label: id,
    correct: Uint8Array.from(correct, (c) => (c ? 1 : 0)),
    tokens: new Float64Array(correct.length),
    ms: new Float64Array(correct.length),
  });
  return [
    ...graded.map((g, j) =>
      outcome(
        GSM8K_RECORDED_MODELS[j]!.id,
        'single',
        g.map((x) => x.correct),
      ),
    ),
    outcome('vote', 'fusion', vote),
  ];
}

/** The lab's statistics for 1,319 paired outcomes, timed in the page, with long tasks counted meanwhile. */
window.benchLabStats = async () => {
  const answerers = await fullOutcomes();
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const comparisons = await compareInWorker(answerers, BOOTSTRAP);
  const ms = performance.now() - start;
  // Long tasks are reported after they end: give the observer a frame to hear of any.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  observer.disconnect();
  return { ms, longTasks, comparisons: comparisons.length };
};
