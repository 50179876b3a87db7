// The @lit/context key through which the shell provides the one ModelRegistry.
import { createContext } from '@lit/context';
import type { ModelRegistry } from './model-registry.js';

/** The @lit/context key of the one ModelRegistry. */
export const modelRegistryContext = createContext<ModelRegistry>('model-registry');
