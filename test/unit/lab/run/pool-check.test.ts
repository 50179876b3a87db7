// Recorded GSM8K models cannot be put to another task set: the form disables them, and a start is refused.
import { describe, expect, it } from 'vitest';
import {
  cannotAnswer,
  onlyTaskSetOf,
  poolTaskProblem,
} from '../../../../src/lab/run/pool-check.js';

const recorded = { id: 'recorded-gsm8k-6b-finetuned', label: 'GPT-3 6B fine-tuned (recorded)' };
const sim = { id: 'sim-tiny', label: 'Simulated Tiny 360M' };

describe('pool-check', () => {
  it('limits the recorded GSM8K models to the GSM8K test set, and nothing else', () => {
    expect(onlyTaskSetOf(recorded.id)).toBe('gsm8k-test');
    expect(onlyTaskSetOf(sim.id)).toBeNull();
    expect(onlyTaskSetOf('recorded-import-x-a')).toBeNull();
    expect(cannotAnswer({ onlyTaskSet: 'gsm8k-test' }, 'gsm8k-test')).toBeNull();
    expect(cannotAnswer({ onlyTaskSet: 'gsm8k-test' }, 'quick')).toMatch(/only the GSM8K test/);
    expect(cannotAnswer({ onlyTaskSet: null }, 'quick')).toBeNull();
  });

  it('refuses a quick-set run of recorded models before anything is asked, naming them', () => {
    expect(poolTaskProblem([recorded, sim], 'gsm8k-test')).toBeNull();
    expect(poolTaskProblem([sim], 'quick')).toBeNull();
    expect(poolTaskProblem([recorded, sim], 'quick')).toBe(
      'GPT-3 6B fine-tuned (recorded) only replays its recorded answers to the GSM8K test questions, so it cannot answer this task set. Pick the GSM8K task set, or take it out of the pool.',
    );
    expect(poolTaskProblem([recorded, recorded], 'own:x')).toMatch(
      /only replay their .* take them out/,
    );
  });
});
