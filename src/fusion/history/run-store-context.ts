// The @lit/context key through which the shell provides the one RunStore (studio, history and run views share it).
import { createContext } from '@lit/context';
import type { RunStore } from './run-store.js';

/** The @lit/context key of the one RunStore. */
export const runStoreContext = createContext<RunStore>('run-store');
