// A vote between two models, as the arena stores, exports and rates it.

/** Who won a battle: model `a`, model `b`, a tie, or "both bad" (a tie unless the visitor excludes it). */
export type VoteWinner = 'a' | 'b' | 'tie' | 'both-bad';

/** `human`: a visitor's vote in the arena; `judge`: a pairwise verdict of a best-of run's judge. */
export type VoteSource = 'human' | 'judge';

/** One battle's outcome, in the export format's shape (`quorum-votes` version 1). */
export interface Vote {
  /** Model ids; never equal. */
  a: string;
  b: string;
  winner: VoteWinner;
  source: VoteSource;
  /** ISO 8601 time of the vote. */
  at: string;
  prompt?: string;
  /** Answer lengths in characters. */
  lengthA?: number;
  lengthB?: number;
}

/** Which votes a leaderboard counts. */
export type SourceFilter = VoteSource | 'both';

/** Every valid winner, in the order the arena offers them; imports reject anything else. */
export const VOTE_WINNERS: readonly VoteWinner[] = ['a', 'b', 'tie', 'both-bad'];
/** Who can cast a vote: a person, or an LLM judge. */
export const VOTE_SOURCES: readonly VoteSource[] = ['human', 'judge'];
