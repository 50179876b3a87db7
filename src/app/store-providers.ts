// The stores the views share and the contexts that provide them, kept apart so the shell stays short.
import { ContextProvider } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { ConversationStore } from '../chat/conversation-store.js';
import { conversationStoreContext } from '../chat/conversation-store-context.js';
import type { RunStore } from '../fusion/history/run-store.js';
import { runStoreContext } from '../fusion/history/run-store-context.js';
import type { ModelStatsStore } from '../fusion/measure/model-stats-store.js';
import { modelStatsContext } from '../fusion/measure/model-stats-context.js';
import { labSummariesContext } from '../fusion/measure/lab-summary.js';
import type { VoteStore } from '../arena/votes/vote-store.js';
import { voteStoreContext } from '../arena/votes/vote-store-context.js';
import { modelRatingsContext } from '../models/model-ratings-context.js';
import type { LabStore } from '../lab/run/lab-store.js';
import { labStoreContext } from '../lab/run/lab-store-context.js';

/** The stores the views share, all on the app's one database connection. */
export interface AppStores {
  runs: RunStore;
  conversations: ConversationStore;
  modelStats: ModelStatsStore;
  votes: VoteStore;
  lab: LabStore;
}

/** One context provider per shared store, on the shell's element. */
export class StoreProviders {
  private readonly runs;
  private readonly conversations;
  private readonly stats;
  private readonly votes;
  private readonly ratings;
  private readonly lab;
  /** The studio reads the lab's latest results through fusion's own interface, which LabStore implements. */
  private readonly labSummaries;

  constructor(host: ReactiveElement) {
    this.runs = new ContextProvider(host, { context: runStoreContext });
    this.conversations = new ContextProvider(host, { context: conversationStoreContext });
    this.stats = new ContextProvider(host, { context: modelStatsContext });
    this.votes = new ContextProvider(host, { context: voteStoreContext });
    this.ratings = new ContextProvider(host, { context: modelRatingsContext });
    this.lab = new ContextProvider(host, { context: labStoreContext });
    this.labSummaries = new ContextProvider(host, { context: labSummariesContext });
  }

  /** Gives every view the stores of the database just opened. */
  provide(stores: AppStores): void {
    this.runs.setValue(stores.runs);
    this.conversations.setValue(stores.conversations);
    this.stats.setValue(stores.modelStats);
    const votes = stores.votes;
    this.votes.setValue(votes);
    // The arena's code loads only when a view asks for ratings (the models page).
    this.ratings.setValue({
      ratings: async () =>
        (await import('../arena/arena-ratings.js')).arenaRatings(votes).ratings(),
    });
    this.lab.setValue(stores.lab);
    this.labSummaries.setValue(stores.lab);
  }
}
