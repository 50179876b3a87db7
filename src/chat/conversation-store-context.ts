// The @lit/context key through which the shell provides the one ConversationStore.
import { createContext } from '@lit/context';
import type { ConversationStore } from './conversation-store.js';

/** The @lit/context key of the one ConversationStore. */
export const conversationStoreContext = createContext<ConversationStore>('conversation-store');
