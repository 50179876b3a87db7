// The route table: one entry per view, each view's module loaded only when it is first shown.

/** One route: its path pattern, the view element that renders it, its title and navigation label. */
export interface RouteDefinition {
  name: string;
  /** Path pattern; ":name" segments become params. */
  pattern: string;
  /** Custom element that renders the view; it receives `params` and `query`. */
  tag: string;
  title: string;
  /** Label in the header navigation; routes without one are reachable by link only. */
  nav?: string;
  /** Loads the element's module on first show: each view is its own chunk, so the first load stays small. */
  load: () => Promise<unknown>;
}

/** The route table, in matching order; paths and names are contracts (links and bookmarks use them). */
export const routes: RouteDefinition[] = [
  {
    name: 'catalog',
    pattern: '/',
    tag: 'quorum-catalog-view',
    title: 'Catalog',
    nav: 'Catalog',
    load: () => import('../catalog/quorum-catalog-view.js'),
  },
  {
    name: 'comparison',
    pattern: '/comparison/:id',
    tag: 'quorum-comparison-view',
    title: 'Comparison',
    load: () => import('../catalog/quorum-comparison-view.js'),
  },
  {
    name: 'tool',
    pattern: '/tool/:slug',
    tag: 'quorum-tool-view',
    title: 'Tool',
    load: () => import('../catalog/quorum-tool-view.js'),
  },
  {
    name: 'compare',
    pattern: '/compare',
    tag: 'quorum-compare-view',
    title: 'Compare any two tools',
    nav: 'Compare',
    load: () => import('../catalog/quorum-compare-view.js'),
  },
  {
    name: 'studio',
    pattern: '/studio',
    tag: 'quorum-studio-view',
    title: 'Fusion studio',
    nav: 'Studio',
    load: () => import('../fusion/quorum-studio-view.js'),
  },
  {
    name: 'runs',
    pattern: '/runs',
    tag: 'quorum-runs-view',
    title: 'Run history',
    nav: 'History',
    load: () => import('../fusion/quorum-runs-view.js'),
  },
  {
    name: 'run',
    pattern: '/runs/:id',
    tag: 'quorum-run-view',
    title: 'Run',
    load: () => import('../fusion/quorum-run-view.js'),
  },
  {
    name: 'lab',
    pattern: '/lab',
    tag: 'quorum-lab-view',
    title: 'Evaluation lab',
    nav: 'Lab',
    load: () => import('../lab/quorum-lab-view.js'),
  },
  {
    name: 'models',
    pattern: '/models',
    tag: 'quorum-models-view',
    title: 'Models',
    nav: 'Models',
    load: () => import('../models/quorum-models-view.js'),
  },
  {
    name: 'chat',
    pattern: '/chat',
    tag: 'quorum-chat-view',
    title: 'Chat',
    nav: 'Chat',
    load: () => import('../chat/quorum-chat-view.js'),
  },
  {
    name: 'conversation',
    pattern: '/chat/:id',
    tag: 'quorum-chat-view',
    title: 'Chat',
    load: () => import('../chat/quorum-chat-view.js'),
  },
  {
    name: 'arena',
    pattern: '/arena',
    tag: 'quorum-arena-view',
    title: 'Arena',
    nav: 'Arena',
    load: () => import('../arena/quorum-arena-view.js'),
  },
  {
    name: 'leaderboard',
    pattern: '/arena/leaderboard',
    tag: 'quorum-leaderboard-view',
    title: 'Arena leaderboard',
    load: () => import('../arena/quorum-leaderboard-view.js'),
  },
  {
    name: 'settings',
    pattern: '/settings',
    tag: 'quorum-settings-view',
    title: 'Settings',
    nav: 'Settings',
    load: () => import('./quorum-settings-view.js'),
  },
];
