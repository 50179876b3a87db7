// The @lit/context key through which the shell lends the models page each model's arena rating (models may not import the arena).
import { createContext } from '@lit/context';

/** A model's arena rating on the leaderboard's Elo-like scale, with its 95 % interval. */
export interface ModelRating {
  rating: number;
  lower: number;
  upper: number;
  rank: number;
  /** How many models are rated. */
  of: number;
  battles: number;
  /**
   * Too few votes for the interval to mean anything (the leaderboard's rule: fewer than 5 counted
   * battles, or every vote the same way): show "too few votes", not `lower`–`upper`.
   */
  tooFewVotes: boolean;
}

/** Lends the models page each model's arena rating. */
export interface ModelRatings {
  /** The rating of every model with human votes, by model id (the arena's leaderboard, human votes). */
  ratings(): Promise<ReadonlyMap<string, ModelRating>>;
}

/** The @lit/context key of ModelRatings. */
export const modelRatingsContext = createContext<ModelRatings>('model-ratings');
