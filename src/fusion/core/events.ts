// The events a fusion run emits while it works, so the studio can stream one column per member.
import type { Usage } from '../../models/model-client.js';
import type { ClassifiedError } from '../../shared/errors.js';

/** The stage a run is in, as the studio's status line names it. */
export type FusionPhase =
  | 'answering'
  | 'sampling'
  | 'judging'
  | 'analysing'
  | 'synthesising'
  | 'debating'
  | 'voting'
  | 'done';

/**
 * What a run reports as it works: phases, each member's and judge's start, streamed text, end and failure.
 */
export type FusionEvent =
  | { type: 'phase'; phase: FusionPhase; detail: string }
  | { type: 'member-start'; memberId: string; tag: string }
  /**
   * The member is loaded and asked: from here on its silence counts, and after `stallMs` without
   * text it is dropped (see member-stall.ts).
   */
  | { type: 'member-ready'; memberId: string; tag: string; stallMs: number }
  /**
   * `text` is the new piece only, as the model wrote it (reasoning included); the UI appends it to
   * the column for (memberId, tag) and splits it for display.
   */
  | { type: 'member-delta'; memberId: string; tag: string; text: string }
  /** `text` is the answer part only; `reasoning` the `<think>` part, when there is one. */
  | {
      type: 'member-done';
      memberId: string;
      tag: string;
      text: string;
      reasoning?: string;
      usage: Usage;
    }
  | { type: 'member-failed'; memberId: string; tag: string; error: ClassifiedError }
  | { type: 'judge-start'; judgeId: string; tag: string }
  | { type: 'judge-delta'; judgeId: string; tag: string; text: string }
  | {
      type: 'judge-done';
      judgeId: string;
      tag: string;
      text: string;
      reasoning?: string;
      usage: Usage;
    }
  | { type: 'judge-failed'; judgeId: string; tag: string; error: ClassifiedError };

/** Receives a run's events in order, synchronously: keep it cheap (the studio folds them into columns). */
export type FusionEventListener = (event: FusionEvent) => void;
