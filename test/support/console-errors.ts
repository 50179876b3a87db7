// Fails an e2e test whose pages logged a console error or threw (CSP violations are console errors too).
import { afterEach, expect } from 'vitest';
import type { PageProblems } from './app-page.js';

/** Errors no test should fail on: the browser's own request for a favicon the app does not serve. */
const IGNORED = /favicon/;

/**
 * Registers an `afterEach` that fails the test if any page handed to the returned `watch` (the
 * `problems` of `openApp`) logged an error since the previous test ended. Errors are taken out as
 * they are checked, so a page shared by a file's tests charges each test only with its own steps.
 * Register it before a file's own `afterEach` that closes pages: Vitest runs those hooks last to
 * first, so the pages are closed (and what closing logged is in) before the check.
 */
export function failOnConsoleErrors(): (problems: PageProblems) => void {
  const watched = new Set<PageProblems>();
  afterEach(() => {
    const errors = [...watched].flatMap((problems) => problems.errors.splice(0));
    expect(errors.filter((error) => !IGNORED.test(error))).toEqual([]);
  });
  return (problems) => {
    watched.add(problems);
  };
}
