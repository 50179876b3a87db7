// One lint config for the page, the workers, the tests and the tooling, with the fences that keep the layers one-way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// web-llm is ~6 MB: only the workers may load it, never the page's bundle.
const webLlmOnlyInWorkers = {
  name: '@mlc-ai/web-llm',
  message: 'Only workers/ may import web-llm.',
};

// The pure cores: logic a Node unit test can run, with no DOM, storage, workers or components.
const pureCore = [
  'src/fusion/core/**',
  'src/fusion/modes/**',
  'src/catalog/parse/**',
  'src/catalog/search/{search-index,field-tokens,posting-lists,prefix-buckets,sorted-tokens,tokenize,recency-order,doc-summary}.ts',
  'src/catalog/import/catalog-revision.ts',
  'src/lab/stats/**',
  'src/lab/tasks/**',
  'src/lab/results/**',
  'src/arena/rating/**',
];

// Feature folders and the ones each may import (one way: fusion uses models, never the reverse).
const features = ['catalog', 'models', 'chat', 'fusion', 'lab', 'arena'];
const mayImport = {
  catalog: [],
  models: [],
  chat: ['models'],
  fusion: ['models'],
  lab: ['models', 'fusion'],
  arena: ['models', 'fusion'],
};
const zones = [
  // Shared layers import no feature and no shell (the database schema may name records by type only: see below).
  ...['ui', 'shared'].map((layer) => ({
    target: `./src/${layer}`,
    from: ['./src/app', './src/main.ts', ...features.map((f) => `./src/${f}`)],
    message: `src/${layer} is a shared layer: features import it, not the other way round.`,
  })),
  {
    target: './src/db',
    from: ['./src/app', './src/main.ts', './src/ui'],
    message: 'src/db is a shared layer.',
  },
  // Features never import the shell.
  ...features.map((f) => ({
    target: `./src/${f}`,
    from: ['./src/app', './src/main.ts'],
    message: 'Features do not import the shell (src/app, src/main.ts).',
  })),
  ...features.map((f) => ({
    target: `./src/${f}`,
    from: features
      .filter((other) => other !== f && !mayImport[f].includes(other))
      .map((o) => `./src/${o}`),
    message: `src/${f} may import only ${mayImport[f].join(', ') || 'shared layers'} among the features.`,
  })),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'test/bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/**', 'workers/**'],
    rules: {
      // Type-only imports count too: a cycle of types is still two files that cannot be read apart.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/db/schema.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [webLlmOnlyInWorkers] }],
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    // The schema names every stored record's type (idb's one-DBSchema pattern): type imports only.
    files: ['src/db/schema.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }] },
  },
  {
    files: pureCore,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            webLlmOnlyInWorkers,
            { name: 'idb', message: 'The pure core does not touch storage.' },
          ],
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'The pure core renders nothing.' },
            {
              group: ['**/db/*', '**/ui/*', '**/workers/*', '**/worker/*', '*.worker.*'],
              message: 'The pure core knows nothing of storage, components or workers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'document',
          'window',
          'customElements',
          'HTMLElement',
          'indexedDB',
          'localStorage',
          'Worker',
          'caches',
        ].map((name) => ({
          name,
          message: 'The pure core knows nothing of the DOM, storage or workers.',
        })),
      ],
    },
  },
  {
    files: ['test/**', '*.config.*', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
