// A vote as the `votes` store keeps it: the exported fields plus an id that makes re-imports harmless.
import type { Vote } from '../rating/vote.js';

/** A vote as the `votes` store keeps it, with its content-derived id. */
export interface VoteRecord extends Vote {
  /** `<at>|<hash of every field>` (see voteId): the same vote always gets the same id. */
  id: string;
}
