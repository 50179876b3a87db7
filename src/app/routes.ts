// The route table: one entry per view, each view's module loaded only when it is first shown.

export interface RouteDefinition {
  name: string;
  /** Path pattern; ":name" segments become params. */
  pattern: string;
  /** Custom element that renders the view; it receives `params` and `query`. */
  tag: string;
  title: string;
  /** Loads the element's module; views outside the catalog load lazily to keep the first load small. */
  load: () => Promise<unknown>;
}

export const routes: RouteDefinition[] = [
  {
    name: 'catalog',
    pattern: '/',
    tag: 'quorum-catalog-view',
    title: 'Catalog',
    load: () => Promise.resolve(),
  },
  {
    name: 'comparison',
    pattern: '/comparison/:id',
    tag: 'quorum-comparison-view',
    title: 'Comparison',
    load: () => Promise.resolve(),
  },
  {
    name: 'tool',
    pattern: '/tool/:slug',
    tag: 'quorum-tool-view',
    title: 'Tool',
    load: () => Promise.resolve(),
  },
  {
    name: 'compare',
    pattern: '/compare',
    tag: 'quorum-compare-view',
    title: 'Compare any two tools',
    load: () => Promise.resolve(),
  },
  {
    name: 'settings',
    pattern: '/settings',
    tag: 'quorum-settings-view',
    title: 'Settings',
    load: () => Promise.resolve(),
  },
];
