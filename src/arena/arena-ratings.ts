// Each model's arena rating for the models page: the human-vote leaderboard, fitted in the arena worker.
import type { ModelRating, ModelRatings } from '../models/model-ratings-context.js';
import { ArenaClient } from './leaderboard/arena-client.js';
import { LEADERBOARD_RESAMPLES, LEADERBOARD_SEED } from './leaderboard/leaderboard-settings.js';
import type { VoteStore } from './votes/vote-store.js';

/** Ratings from the visitor's own votes, with the leaderboard's settings (so both pages agree). */
export function arenaRatings(votes: VoteStore): ModelRatings {
  return {
    ratings: () =>
      new Promise((resolve, reject) => {
        const client = new ArenaClient(votes.dbName);
        const request = {
          source: 'human' as const,
          excludeBothBad: false,
          resamples: LEADERBOARD_RESAMPLES,
          seed: LEADERBOARD_SEED,
        };
        client.leaderboard(request, false, {
          onBoard: ({ board }) => {
            client.close();
            const of = board.standings.length;
            resolve(
              new Map<string, ModelRating>(
                board.standings.map((s) => [
                  s.id,
                  {
                    rating: s.rating,
                    lower: s.lower,
                    upper: s.upper,
                    rank: s.rank,
                    of,
                    battles: s.battles,
                    tooFewVotes: s.tooFewVotes,
                  },
                ]),
              ),
            );
          },
          onError: (message) => {
            client.close();
            reject(new Error(message));
          },
        });
      }),
  };
}
