// The decision trace of each fusion mode, stored with the run and shown beside the fused answer.
import type { ClassifiedError } from '../../shared/errors.js';
import type { AnswerKind, ExtractedAnswer } from './extract-answer.js';
import type { JudgeVerdict } from './judge-parse.js';

/**
 * One sampled answer in a vote (or one agent's entry in a debate's vote), with its extracted
 * answer.
 */
export interface VoteSample {
  /** The voter: a pool member, or a debate agent. */
  voterId: string;
  memberId: string;
  sampleIndex: number;
  text: string;
  answer: ExtractedAnswer;
}

/** How many samples gave one normalised answer. */
export interface AnswerCount {
  answer: string;
  count: number;
}

/**
 * One voter's own tally: its answers, its majority, how strongly its samples agree (0..1) and its
 * recorded accuracy (0..1, or null when unmeasured).
 */
export interface VoterTally {
  voterId: string;
  memberId: string;
  samples: number;
  counts: AnswerCount[];
  /** The voter's own majority answer (normalised). */
  majority: string | null;
  /** Share of its samples that gave its majority answer, 0..1. */
  agreement: number;
  accuracy: number | null;
  /**
   * Its samples that gave no answer of the kind asked (no number for a number question): they count
   * for nothing and are shown as "no answer". Absent when there were none (and in older runs).
   */
  unanswered?: number;
}

/**
 * The result of a tally: the method ('agreement' for checkable answers, 'centrality' for free text,
 * 'none' with no samples), the winning voter and answer, and a plain-language reason.
 */
export interface VoteDecision {
  method: 'agreement' | 'centrality' | 'none';
  winnerVoterId: string | null;
  /** The normalised answer that won. */
  winnerAnswer: string | null;
  /** The full text of a sample that gave the winning answer: the fused answer shown. */
  winnerText: string | null;
  reason: string;
  perVoter: VoterTally[];
  /** Counted answers only: samples with no answer of the kind asked are in `unanswered`. */
  overall: AnswerCount[];
  /** Samples, all voters together, that gave no answer of the kind asked (see VoterTally). */
  unanswered?: number;
}

/** The vote best-of or merge fell back to, and why. */
export interface Fallback {
  reason: string;
  vote: VoteDecision;
}

/** One member's answer as best-of and merge see it. */
export interface Candidate {
  /** Anonymous label shown to judges ("Response 2"); the author is revealed in the trace. */
  label: string;
  memberId: string;
  text: string;
  answer: ExtractedAnswer;
}

/** One judge call on a pair in one order, with its raw output, parsed verdict or error. */
export interface JudgeCall {
  /** Which candidate sat in position A and which in B. */
  first: string;
  second: string;
  judgeId: string;
  /** The judge's answer (its reasoning removed), as written. */
  raw: string | null;
  /** The judge's `<think>` reasoning, when it wrote any. */
  reasoning?: string;
  verdict: JudgeVerdict | null;
  error: ClassifiedError | null;
}

/** One pair of candidates judged in both orders, and the combined outcome. */
export interface PairResult {
  a: string;
  b: string;
  orders: JudgeCall[];
  outcome: 'win' | 'tie' | 'no-verdict';
  winner: string | null;
  /** True when the judge wrote one of the two answers because no other model was available. */
  selfJudged: boolean;
  note: string;
}

/** One candidate's record over all its pairs; `score` is wins minus losses. */
export interface RankEntry {
  label: string;
  memberId: string;
  wins: number;
  losses: number;
  ties: number;
  noVerdicts: number;
  score: number;
}

/** Merge's structured analysis of the candidates, as the aggregator wrote it. */
export interface MergeAnalysis {
  consensus: string[];
  contradictions: string[];
  unique: string[];
  blindSpots: string[];
}

/** One agent's answer in one debate round. */
export interface DebateEntry {
  agentId: string;
  memberId: string;
  text: string;
  answer: ExtractedAnswer;
  /** The extracted answer differs from this agent's previous round. */
  changed: boolean;
}

/** The answers of one debate round (round 0 is the independent answers). */
export interface DebateRound {
  round: number;
  entries: DebateEntry[];
}

interface TraceBase {
  questionKind: AnswerKind;
  /** Plain-language explanations: early stop, skipped synthesis, fallbacks, stop. */
  notes: string[];
}

/** Vote mode's trace: every sample and the tally that decided. */
export interface VoteTrace extends TraceBase {
  mode: 'vote';
  samplesPerModel: number;
  earlyStop: boolean;
  samples: VoteSample[];
  /** Null when no vote was taken (stopped, or only one model answered). */
  decision: VoteDecision | null;
  /** Set when only this pool member answered: its answer is shown, nothing was fused. */
  soleMemberId?: string;
}

/**
 * Best-of's trace: the shuffled candidates, each pair's verdicts, the ranking, and any fallback
 * vote.
 */
export interface BestOfTrace extends TraceBase {
  mode: 'best-of';
  candidates: Candidate[];
  pairs: PairResult[];
  ranking: RankEntry[];
  fallback: Fallback | null;
}

/**
 * Merge's trace: the candidates, their agreement vote, the aggregator's analysis (parsed and raw),
 * and any fallback vote.
 */
export interface MergeTrace extends TraceBase {
  mode: 'merge';
  aggregatorId: string | null;
  candidates: Candidate[];
  agreement: VoteDecision | null;
  synthesisSkipped: boolean;
  analysis: MergeAnalysis | null;
  analysisRaw: string | null;
  fallback: Fallback | null;
}

/** Debate's trace: each round's answers, the vote over round 0 and the final vote. */
export interface DebateTrace extends TraceBase {
  mode: 'debate';
  agents: { agentId: string; memberId: string }[];
  rounds: DebateRound[];
  round0Vote: VoteDecision | null;
  finalVote: VoteDecision | null;
  /** The vote's answer after debate differs from the vote over round 0. */
  changedByDebate: boolean;
}

/**
 * The decision trace of a run, one shape per mode (discriminated by `mode`); stored with the run.
 */
export type FusionTrace = VoteTrace | BestOfTrace | MergeTrace | DebateTrace;

/** The four ways to fuse answers, named as the traces name them. */
export type FusionMode = FusionTrace['mode'];
