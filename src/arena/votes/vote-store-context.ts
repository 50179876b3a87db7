// The @lit/context key through which the shell provides the one VoteStore (arena and leaderboard share it).
import { createContext } from '@lit/context';
import type { VoteStore } from './vote-store.js';

/** The @lit/context key of the one VoteStore. */
export const voteStoreContext = createContext<VoteStore>('vote-store');
