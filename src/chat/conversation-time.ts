// Pure: when a conversation was last written to, as the list shows it ("Today 14:05", "28 Nov, 09:12").

/**
 * `at` (ms since the epoch) in the visitor's locale and time zone: the time alone today, the day and time
 * this year, the full date before. `locale` is for tests; the page passes none (the browser's own).
 */
export function conversationTime(at: number, now: number, locale?: string): string {
  const date = new Date(at);
  const today = new Date(now);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (date.toDateString() === today.toDateString()) return `Today ${time}`;
  const sameYear = date.getFullYear() === today.getFullYear();
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  return sameYear ? `${day}, ${time}` : day;
}
