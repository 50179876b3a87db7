// The @lit/context key through which the shell provides the one ModelStatsStore.
import { createContext } from '@lit/context';
import type { ModelStatsStore } from './model-stats-store.js';

/** The @lit/context key of the one ModelStatsStore. */
export const modelStatsContext = createContext<ModelStatsStore>('model-stats');
