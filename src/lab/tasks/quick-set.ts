// The quick set: Quorum's six built-in arithmetic and multiple-choice questions, as a lab task set.
import { MEASURE_TASKS } from '../../fusion/measure/measure-tasks.js';
import type { TaskSet } from './task-set.js';

export const QUICK_SET: TaskSet = {
  id: 'quick',
  name: 'Quick set (6 built-in questions)',
  source: 'Written for Quorum',
  tasks: MEASURE_TASKS.map((task) => ({
    prompt: task.prompt,
    kind: task.kind,
    answer: task.answer,
  })),
};
