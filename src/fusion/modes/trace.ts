// The decision trace of each fusion mode, stored with the run and shown beside the fused answer.
import type { ClassifiedError } from '../../shared/errors.js';
import type { AnswerKind, ExtractedAnswer } from './extract-answer.js';
import type { JudgeVerdict } from './judge-parse.js';

export interface VoteSample {
  /** The voter: a pool member, or a debate agent. */
  voterId: string;
  memberId: string;
  sampleIndex: number;
  text: string;
  answer: ExtractedAnswer;
}

export interface AnswerCount {
  answer: string;
  count: number;
}

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
}

export interface VoteDecision {
  method: 'agreement' | 'centrality' | 'none';
  winnerVoterId: string | null;
  /** The normalised answer that won. */
  winnerAnswer: string | null;
  /** The full text of a sample that gave the winning answer: the fused answer shown. */
  winnerText: string | null;
  reason: string;
  perVoter: VoterTally[];
  overall: AnswerCount[];
}

export interface Fallback {
  reason: string;
  vote: VoteDecision;
}

export interface Candidate {
  /** Anonymous label shown to judges ("Response 2"); the author is revealed in the trace. */
  label: string;
  memberId: string;
  text: string;
  answer: ExtractedAnswer;
}

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

export interface RankEntry {
  label: string;
  memberId: string;
  wins: number;
  losses: number;
  ties: number;
  noVerdicts: number;
  score: number;
}

export interface MergeAnalysis {
  consensus: string[];
  contradictions: string[];
  unique: string[];
  blindSpots: string[];
}

export interface DebateEntry {
  agentId: string;
  memberId: string;
  text: string;
  answer: ExtractedAnswer;
  /** The extracted answer differs from this agent's previous round. */
  changed: boolean;
}

export interface DebateRound {
  round: number;
  entries: DebateEntry[];
}

interface TraceBase {
  questionKind: AnswerKind;
  /** Plain-language explanations: early stop, skipped synthesis, fallbacks, stop. */
  notes: string[];
}

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

export interface BestOfTrace extends TraceBase {
  mode: 'best-of';
  candidates: Candidate[];
  pairs: PairResult[];
  ranking: RankEntry[];
  fallback: Fallback | null;
}

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

export interface DebateTrace extends TraceBase {
  mode: 'debate';
  agents: { agentId: string; memberId: string }[];
  rounds: DebateRound[];
  round0Vote: VoteDecision | null;
  finalVote: VoteDecision | null;
  /** The vote's answer after debate differs from the vote over round 0. */
  changedByDebate: boolean;
}

export type FusionTrace = VoteTrace | BestOfTrace | MergeTrace | DebateTrace;

/** The four ways to fuse answers, named as the traces name them. */
export type FusionMode = FusionTrace['mode'];
