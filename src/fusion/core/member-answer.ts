// What one pool member wrote in a run: its text and figures, or its failure, and which call it answered.
import type { Usage } from '../../models/model-client.js';
import type { ClassifiedError } from '../../shared/errors.js';

/** What one pool member wrote for one call of a run (text, reasoning, usage), or how it failed. */
export interface MemberAnswer {
  memberId: string;
  label: string;
  simulated: boolean;
  /** The answer part of what the model wrote: reasoning and special tokens removed. */
  text: string;
  /** The model's `<think>` reasoning, when it wrote any (shown folded; never fed to other models). */
  reasoning?: string;
  usage: Usage | null;
  error: ClassifiedError | null;
  /** Which sample, round or role produced it (e.g. "sample 2", "round 1"). */
  tag: string;
}
