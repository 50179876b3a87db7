// What a view that could not be loaded says: a new version that replaced this tab's files, or a connection problem.

/** A dynamic import that failed because its file is missing or is not a script (a page instead). */
export function isMissingModule(error: unknown): boolean {
  return /dynamically imported module|Importing a module script failed|MIME type|module script/i.test(
    String(error),
  );
}

/**
 * The message for a view whose code failed to load with `error`. The usual cause when files are
 * missing: a new version is active (`versionReplaced`, or the error says so) and this old page's
 * files are gone with the old one; a reload keeps the address.
 */
export function loadErrorMessage(error: unknown, versionReplaced: boolean): string {
  return versionReplaced || isMissingModule(error)
    ? 'A new version of Quorum is active, and the files of the version this tab started with are gone. Reload to open this page: you stay on this address.'
    : 'This part of Quorum could not be loaded. Check your connection and reload.';
}
