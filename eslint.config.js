// One lint config for the page, the workers, the tests and the tooling.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'test/bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // web-llm is ~6 MB: only the workers may load it, never the page's bundle.
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@mlc-ai/web-llm', message: 'Only workers/ may import web-llm.' }] },
      ],
    },
  },
  {
    files: ['test/**', '*.config.*', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
