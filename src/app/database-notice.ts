// Why the database can no longer be used in a tab, and the words the shell's notice uses for it.

/** Why the database can no longer be used in this tab, as the shell's notice says. */
export type DatabaseNotice = 'blocked' | 'version-change' | 'deleted' | 'closed';

/** What the shell's notice says for each DatabaseNotice, with what the visitor can do. */
export const DATABASE_NOTICE_TEXT: Record<DatabaseNotice, string> = {
  blocked:
    'Quorum is open in another tab with an older version. Close the other tabs of Quorum, then reload this one.',
  'version-change':
    'Quorum was updated in another tab. Reload this tab to keep using your catalog.',
  deleted:
    'Quorum’s data was deleted while this tab was open (by another tab, the browser or its developer tools). Reload to start again with the starting catalog.',
  closed:
    'The browser closed Quorum’s storage, most often because the disk is full or the data was deleted. Free some disk space, then reload: if the data is gone, Quorum will say so.',
};
