// The quick set: Quorum's six built-in arithmetic and multiple-choice questions, as a lab task set.
import type { TaskSet } from './task-set.js';

/** Small on purpose: a first look in seconds, not a measurement (one question is 17 points). */
export const QUICK_SET: TaskSet = {
  id: 'quick',
  name: 'Quick set (6 built-in questions)',
  source: 'Written for Quorum',
  tasks: [
    { prompt: 'What is 17 * 23?', kind: 'number', answer: '391' },
    { prompt: 'What is 144 / 12 + 35?', kind: 'number', answer: '47' },
    { prompt: 'What is (125 + 375) * 2?', kind: 'number', answer: '1000' },
    { prompt: 'How much is 48 * 25 - 199?', kind: 'number', answer: '1001' },
    { prompt: 'What is 6 * 7?\nA) 36\nB) 42\nC) 48\nD) 54', kind: 'choice', answer: 'B' },
    { prompt: 'Which is 15 * 15?\nA) 215\nB) 205\nC) 225\nD) 255', kind: 'choice', answer: 'C' },
  ],
};
