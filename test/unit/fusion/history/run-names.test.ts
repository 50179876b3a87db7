// How a run names its models and where its answers came from: simulated, recorded or real.
import { describe, expect, it } from 'vitest';
import type { MemberAnswer } from '../../../../src/fusion/core/member-answer.js';
import {
  PARTLY_SIMULATED_NOTICE,
  SIMULATED_NOTICE,
  markSimulated,
  recordedNotice,
  simulatedNotice,
  sourceMark,
} from '../../../../src/fusion/history/run-names.js';
import type { RunRecord } from '../../../../src/fusion/history/run-record.js';
import { runToJson } from '../../../../src/fusion/history/run-to-json.js';
import { runToMarkdown } from '../../../../src/fusion/history/run-to-markdown.js';
import { GSM8K_RECORDING_SOURCE } from '../../../../src/models/list/recorded-models.js';

describe('markSimulated', () => {
  it('adds "(Simulated)" only to a label that does not already say so', () => {
    expect(markSimulated('Qwen 0.5B')).toBe('Qwen 0.5B (Simulated)');
    expect(markSimulated('Simulated Tiny 360M')).toBe('Simulated Tiny 360M');
    expect(markSimulated('A simulated helper')).toBe('A simulated helper');
  });
});

// The notice follows who answered (issue 10, honesty): a model that only failed wrote nothing.
const answer = (memberId: string, simulated: boolean, failed = false): MemberAnswer => ({
  memberId,
  label: memberId,
  simulated,
  text: failed ? '' : 'Answer: 18',
  usage: null,
  error: failed ? { kind: 'network', message: 'It failed.' } : null,
  tag: 'sample 1',
});
const run = (answers: MemberAnswer[]): RunRecord => ({
  id: 'r',
  mode: 'vote',
  prompt: 'q',
  history: [],
  poolIds: answers.map((a) => a.memberId),
  judgeId: null,
  models: answers.map((a) => ({ id: a.memberId, label: a.label, simulated: a.simulated })),
  simulated: answers.some((a) => a.simulated),
  options: {},
  answers,
  finalAnswer: '18',
  trace: null,
  cost: null,
  status: 'done',
  createdAt: 0,
  finishedAt: 1,
});
const SIM = ['sim-tiny-360M', 'sim-swift-0.5B', 'sim-steady-1.5B'];
const GSM8K = 'recorded-gsm8k-6b-finetuned';
const GSM8K_NOTICE = recordedNotice(GSM8K_RECORDING_SOURCE);

describe('simulatedNotice and sourceMark', () => {
  it('calls a run simulated when only simulated models answered, even if a recorded one failed', () => {
    const record = run([...SIM.map((id) => answer(id, true)), answer(GSM8K, false, true)]);
    expect(simulatedNotice(record)).toBe(SIMULATED_NOTICE);
    expect(sourceMark(record)).toBe(' (Simulated)');
  });

  it("names the recording's source when only recorded models answered", () => {
    const record = run([answer(GSM8K, false), answer('recorded-gsm8k-175b-verifier', false)]);
    expect(GSM8K_NOTICE).toBe(
      'Recorded run — answers replayed from OpenAI’s GSM8K release (Cobbe et al. 2021, arXiv 2110.14168, MIT licence), not produced on this device',
    );
    expect(simulatedNotice(record)).toBe(GSM8K_NOTICE);
    expect(sourceMark(record)).toBe(' (recorded)');
    // Simulated members that failed do not make it simulated.
    const failedSim = run([answer(GSM8K, false), answer('sim-tiny-360M', true, true)]);
    expect(simulatedNotice(failedSim)).toBe(GSM8K_NOTICE);
  });

  it('says which is which in a mixed run', () => {
    const simAndRecorded = simulatedNotice(run([answer(SIM[0]!, true), answer(GSM8K, false)]));
    expect(simAndRecorded).toMatch(/^Partly simulated run — answers marked \(Simulated\) come/);
    expect(simAndRecorded).toContain('answers marked (recorded) are replayed from OpenAI’s GSM8K');
    expect(simAndRecorded).not.toContain('real models');
    const recordedAndReal = run([answer(GSM8K, false), answer('Llama-1B', false)]);
    expect(simulatedNotice(recordedAndReal)).toMatch(
      /^Partly recorded run — answers marked \(recorded\) are replayed from .*; the others are real models' answers$/,
    );
    expect(sourceMark(recordedAndReal)).toBe(' (partly recorded)');
    const simAndReal = run([answer(SIM[0]!, true), answer('Llama-1B', false)]);
    expect(simulatedNotice(simAndReal)).toBe(PARTLY_SIMULATED_NOTICE);
    expect(sourceMark(simAndReal)).toBe(' (partly simulated)');
  });

  it('says nothing when only real models answered, even if a simulated one failed', () => {
    const record = run([answer('Llama-1B', false), answer(SIM[0]!, true, true)]);
    expect(simulatedNotice(record)).toBeNull();
    expect(sourceMark(record)).toBe('');
  });

  it('puts the same notice in both exports, with the title marked', () => {
    const record = run([answer(GSM8K, false), answer(SIM[0]!, true, true)]);
    const json = JSON.parse(runToJson(record)) as Record<string, unknown>;
    expect(json['notice']).toBe(GSM8K_NOTICE);
    const markdown = runToMarkdown(record);
    expect(markdown.split('\n\n').slice(0, 2)).toEqual([
      '# Quorum run: vote (recorded)',
      `> **${GSM8K_NOTICE}.**`,
    ]);
  });
});
