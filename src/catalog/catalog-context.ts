// The @lit/context key through which the shell provides the CatalogService to every view.
import { createContext } from '@lit/context';
import type { CatalogService } from './catalog-service.js';

export const catalogContext = createContext<CatalogService>('catalog-service');
