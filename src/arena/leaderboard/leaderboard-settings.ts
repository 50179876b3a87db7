// The leaderboard's bootstrap settings, the same wherever ratings are shown, so the numbers agree.

/** Resamples of every leaderboard's bootstrap (Chatbot Arena uses 1,000 and more). */
export const LEADERBOARD_RESAMPLES = 1000;
/** A fixed seed: the same votes always give the same intervals. */
export const LEADERBOARD_SEED = 20240307;
