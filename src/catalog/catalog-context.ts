// The @lit/context key through which the shell provides the CatalogService to every view.
import { createContext } from '@lit/context';
import type { CatalogService } from './catalog-service.js';

/** The @lit/context key of the one CatalogService. */
export const catalogContext = createContext<CatalogService>('catalog-service');
