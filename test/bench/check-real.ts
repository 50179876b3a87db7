// `npm run check:real -- MODEL_ID…`: each model downloaded, loaded, asked (plain and JSON), stopped and unloaded through Quorum's own workers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from '../support/chromium.js';
import type { CheckReport, StepOutcome } from './pages/check-real.js';
import { RealUnavailable, openRealPage } from './real-machine.js';
import { servePages } from './serve.js';

const RESULTS = join('test', 'bench', 'results', 'check-real.json');

function outcome(name: string, step: StepOutcome, extra = ''): string {
  if (step.ok) return `${name} ok (${(step.ms / 1000).toFixed(1)} s)${extra}`;
  if (!step.error) return `${name}: ${step.note ?? 'not run'}`;
  return `${name} FAILED, ${step.error.kind}: ${step.error.message}${step.error.detail ? ` [${step.error.detail}]` : ''}`;
}

/** The report of one model, one line per step. */
export function describeReport(report: CheckReport): string {
  const { cached } = report;
  const agree = cached.quorum === cached.webllm ? 'agree' : 'DISAGREE';
  const lines = [
    report.modelId,
    `  ${outcome('download', report.download, report.download.note ? `: ${report.download.note}` : '')}`,
    `  cached: Quorum ${cached.quorum ? 'yes' : `no (missing ${cached.missing.join(', ')})`}, web-llm's hasModelInCache ${cached.webllm ? 'yes' : 'no'} (${agree})`,
    `  ${outcome('load', report.load)}`,
    `  ${outcome('answer', report.answer, report.answer.decodeTokensPerS === undefined ? '' : `: decode ${report.answer.decodeTokensPerS.toFixed(1)} tokens/s, "${report.answer.text?.trim().slice(0, 60)}"`)}`,
    `  ${outcome('JSON answer', report.json, report.json.ok ? `: ${report.json.parsed ? 'valid JSON' : 'NOT valid JSON'} ${report.json.text?.slice(0, 60)}` : '')}`,
    `  ${outcome('stop', report.stop, report.stop.note ? `: ${report.stop.note}` : '')}`,
    `  ${outcome('unload', report.unload)}`,
  ];
  return lines.join('\n');
}

/** Returns the process exit code: 0 all loaded and answered, 1 a model failed, 2 this machine cannot run real models. */
export async function main(modelIds: readonly string[]): Promise<number> {
  if (modelIds.length === 0) {
    console.error(
      'Usage: npm run check:real -- MODEL_ID [MODEL_ID…] (ids from /models, e.g. Qwen2.5-0.5B-Instruct-q4f16_1-MLC)',
    );
    return 2;
  }
  const pages = await servePages();
  const browser = await chromium.launch(launchOptions(['--enable-unsafe-webgpu']));
  try {
    const page = await openRealPage(browser, pages.url, 'check-real', modelIds);
    page.setDefaultTimeout(60 * 60_000);
    const reports: CheckReport[] = [];
    for (const modelId of modelIds) {
      const report = await page.evaluate((id) => window.checkReal(id), modelId);
      console.log(describeReport(report));
      reports.push(report);
    }
    mkdirSync(join('test', 'bench', 'results'), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify({ date: new Date().toISOString(), reports }, null, 2)}\n`,
    );
    const passed = reports.every(
      (r) => r.load.ok && r.answer.ok && r.json.ok && r.stop.ok && r.unload.ok,
    );
    return passed ? 0 : 1;
  } catch (error) {
    if (error instanceof RealUnavailable) {
      console.error(`check:real ${modelIds.join(' ')} ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await browser.close();
    await pages.close();
  }
}
