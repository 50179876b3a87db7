// The @lit/context key through which the shell provides the one LabStore.
import { createContext } from '@lit/context';
import type { LabStore } from './lab-store.js';

export const labStoreContext = createContext<LabStore>('lab-store');
