// Formats a byte count for people: "0 B", "12.3 KB", "1.5 GB" (powers of 1024, as browsers report quota).
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count in binary units with one decimal below 100 ("1.5 GB", "120 MB", "0 B"); "unknown" for a
 * negative or non-finite count.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
