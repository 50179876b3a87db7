// The studio's live view of a run: one column per member (and per judge), folded from the run's events.
import type { Usage } from '../../models/model-client.js';
import type { ClassifiedError } from '../../shared/errors.js';
import type { FusionEvent, FusionPhase } from '../core/events.js';
import type { MemberAnswer } from '../core/member-answer.js';
import { splitModelText, type ModelText } from '../../models/output/split-reasoning.js';

/** One call's text in a column: a sample, a round or a judging call. */
export interface Segment {
  /** Which sample, round or judging call ("sample 2", "round 1", "A vs B"). */
  tag: string;
  /**
   * While streaming (and after a failure): the text as the model wrote it, reasoning included,
   * split for display. Once done: the answer part only, with the reasoning beside it.
   */
  text: string;
  /** Set when the call is done and the model reasoned. */
  reasoning?: string;
  status: 'streaming' | 'done' | 'failed';
  usage: Usage | null;
  error: ClassifiedError | null;
  /** Page clock (ms): when the call started and when its first text arrived. */
  startedAt: number;
  firstTextAt: number | null;
  endedAt: number | null;
  /** Page clock (ms): when a member was loaded and asked, and when its latest text arrived. */
  readyAt?: number;
  lastTextAt?: number;
  /** The silence (ms) after which this call is dropped, once the member is ready. */
  stallMs?: number;
  /** Text pieces received: a live stand-in for tokens until the engine reports usage. */
  pieces: number;
}

/** One model's column in the studio: a pool member or a judge, with one segment per call. */
export interface Column {
  key: string;
  modelId: string;
  label: string;
  simulated: boolean;
  role: 'member' | 'judge';
  segments: Segment[];
}

/** The studio's live view of a run: the phase and one column per member and judge. */
export interface LiveRun {
  phase: FusionPhase;
  phaseDetail: string;
  columns: Column[];
}

/** How a column names its model. */
export interface ModelFacts {
  label: string;
  simulated: boolean;
}

/** A run about to start: one empty column per member, phase 'answering'. */
export function emptyRun(members: readonly (ModelFacts & { id: string })[]): LiveRun {
  return {
    phase: 'answering',
    phaseDetail: 'Starting',
    columns: members.map((m) => ({
      key: columnKey('member', m.id),
      modelId: m.id,
      label: m.label,
      simulated: m.simulated,
      role: 'member',
      segments: [],
    })),
  };
}

const columnKey = (role: Column['role'], id: string): string => `${role}:${id}`;

/** Returns a new LiveRun sharing every column the event did not touch (so unchanged columns skip re-rendering). */
export function applyEvent(
  run: LiveRun,
  event: FusionEvent,
  at: number,
  facts: (modelId: string) => ModelFacts,
): LiveRun {
  switch (event.type) {
    case 'phase':
      return { ...run, phase: event.phase, phaseDetail: event.detail };
    case 'member-start':
    case 'judge-start': {
      const [role, id] = who(event);
      const segment: Segment = {
        tag: event.tag,
        text: '',
        status: 'streaming',
        usage: null,
        error: null,
        startedAt: at,
        firstTextAt: null,
        endedAt: null,
        pieces: 0,
      };
      return withColumn(run, role, id, facts, (segments) => [...segments, segment]);
    }
    case 'member-ready':
      return updateSegment(run, 'member', event.memberId, event.tag, facts, (s) => ({
        ...s,
        readyAt: at,
        stallMs: event.stallMs,
      }));
    case 'member-delta':
    case 'judge-delta': {
      const [role, id] = who(event);
      return updateSegment(run, role, id, event.tag, facts, (s) => ({
        ...s,
        text: s.text + event.text,
        pieces: s.pieces + 1,
        firstTextAt: s.firstTextAt ?? at,
        lastTextAt: at,
      }));
    }
    case 'member-done':
    case 'judge-done': {
      const [role, id] = who(event);
      return updateSegment(run, role, id, event.tag, facts, (s) => ({
        ...s,
        text: event.text,
        ...(event.reasoning !== undefined ? { reasoning: event.reasoning } : {}),
        status: 'done',
        usage: event.usage,
        endedAt: at,
      }));
    }
    case 'member-failed':
    case 'judge-failed': {
      const [role, id] = who(event);
      return updateSegment(run, role, id, event.tag, facts, (s) => ({
        ...s,
        status: 'failed',
        error: event.error,
        endedAt: at,
      }));
    }
  }
}

function who(event: {
  type: string;
  memberId?: string;
  judgeId?: string;
}): [Column['role'], string] {
  return event.type.startsWith('judge')
    ? ['judge', event.judgeId ?? '']
    : ['member', event.memberId ?? ''];
}

function withColumn(
  run: LiveRun,
  role: Column['role'],
  id: string,
  facts: (modelId: string) => ModelFacts,
  change: (segments: Segment[]) => Segment[],
): LiveRun {
  const key = columnKey(role, id);
  const index = run.columns.findIndex((c) => c.key === key);
  if (index < 0) {
    const { label, simulated } = facts(id);
    const column: Column = { key, modelId: id, label, simulated, role, segments: change([]) };
    return { ...run, columns: [...run.columns, column] };
  }
  const columns = [...run.columns];
  const column = columns[index]!;
  columns[index] = { ...column, segments: change(column.segments) };
  return { ...run, columns };
}

/** Changes the newest segment with this tag (a judge may be asked the same pair twice). */
function updateSegment(
  run: LiveRun,
  role: Column['role'],
  id: string,
  tag: string,
  facts: (modelId: string) => ModelFacts,
  change: (segment: Segment) => Segment,
): LiveRun {
  return withColumn(run, role, id, facts, (segments) => {
    const index = segments.findLastIndex((s) => s.tag === tag);
    if (index < 0) return segments;
    const next = [...segments];
    next[index] = change(segments[index]!);
    return next;
  });
}

/** Members' answers so far, for saving a run that has not finished (partial text kept). */
export function liveAnswers(run: LiveRun): MemberAnswer[] {
  return run.columns
    .filter((c) => c.role === 'member')
    .flatMap((c) =>
      c.segments.map((s) => ({
        memberId: c.modelId,
        label: c.label,
        simulated: c.simulated,
        ...segmentText(s),
        usage: s.usage,
        error: s.error,
        tag: s.tag,
      })),
    );
}

/** A segment's answer and reasoning, whether it is done (already split) or not (split now). */
export function segmentText(segment: Segment): { text: string; reasoning?: string } {
  if (segment.status === 'done')
    return {
      text: segment.text,
      ...(segment.reasoning !== undefined ? { reasoning: segment.reasoning } : {}),
    };
  const { answer, reasoning } = splitModelText(segment.text);
  return { text: answer, ...(reasoning !== null ? { reasoning } : {}) };
}

/**
 * What a column shows of a segment: its reasoning (folded), whether the model is still thinking,
 * and its answer. A streaming segment's unfinished tags and tokens are held back.
 */
export function segmentView(segment: Segment): ModelText {
  if (segment.status === 'done')
    return { reasoning: segment.reasoning ?? null, answer: segment.text, thinking: false };
  return splitModelText(segment.text, { streaming: segment.status === 'streaming' });
}

/** Live figures of a segment: time to first text and tokens per second. */
export function segmentFigures(
  segment: Segment,
  now: number,
): {
  tokens: number;
  exact: boolean;
  firstTokenMs: number | null;
  tokensPerS: number | null;
} {
  if (segment.usage) {
    return {
      tokens: segment.usage.completionTokens,
      exact: true,
      firstTokenMs: segment.usage.timeToFirstTokenMs,
      tokensPerS: segment.usage.decodeTokensPerS,
    };
  }
  const firstTokenMs =
    segment.firstTextAt === null ? null : segment.firstTextAt - segment.startedAt;
  const end = segment.endedAt ?? now;
  const decodingMs = segment.firstTextAt === null ? 0 : end - segment.firstTextAt;
  return {
    tokens: segment.pieces,
    exact: false,
    firstTokenMs,
    tokensPerS: decodingMs > 250 ? (segment.pieces * 1000) / decodingMs : null,
  };
}

/**
 * How long (ms) a streaming member has written nothing since it was loaded and asked, or since its
 * latest text; null while it loads or once its call ended.
 */
export function silenceOf(segment: Segment, now: number): number | null {
  if (segment.status !== 'streaming' || segment.readyAt === undefined) return null;
  return Math.max(0, now - (segment.lastTextAt ?? segment.readyAt));
}
