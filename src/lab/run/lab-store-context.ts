// The @lit/context key through which the shell provides the one LabStore.
import { createContext } from '@lit/context';
import type { LabStore } from './lab-store.js';

/** The @lit/context key of the one LabStore. */
export const labStoreContext = createContext<LabStore>('lab-store');
