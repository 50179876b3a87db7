// Formats figures and names for people, the same way on every page and in every export.

/** Turns an id (a pool member, a model) into the name a visitor knows it by. */
export type Name = (id: string) => string;

/** A share in 0..1 as a whole percentage ("67%"); "—" when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A duration in milliseconds as seconds with one decimal ("1.5 s"). */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A ratio with one decimal and a times sign ("2.5×"); "—" when there is none. */
export function ratio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}×`;
}

/** Names joined as a person writes them: "A", "A and B", "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
