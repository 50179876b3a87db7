// How tool fields read on screen: percentages, "no votes yet", and field labels for the differences list.
import type { ToolFieldDifference } from './types.js';

/**
 * What "Panel ship" means, for wherever the figure or its filter appears: the comparison pages'
 * own figure (see their intro, "Which one should you ship with?"), not one Quorum computes.
 */
export const PANEL_SHIP_MEANING =
  'Panel ship: the share of the page’s reviewer panel who would ship with the tool, as the comparison page gives it (— when it gives none).';

/** A percentage as shown ("42%"), or "—" when there is none. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

/** The community figure as shown ("42%"), or "— (no votes yet)". */
export function formatCommunity(value: number | null): string {
  return value === null ? '— (no votes yet)' : `${value}%`;
}

/** Each tool field's name in the differences list. */
export const FIELD_LABELS: Record<ToolFieldDifference['field'], string> = {
  name: 'Name',
  category: 'Category',
  tagline: 'Tagline',
  panelShip: 'Panel ship',
  community: 'Community',
  entry: 'Entry',
  description: 'Description',
};

/** A tool field's value as shown, percentages formatted, "—" for none. */
export function formatFieldValue(
  field: ToolFieldDifference['field'],
  value: string | number | null,
): string {
  if (field === 'panelShip') return formatPercent(typeof value === 'number' ? value : null);
  if (field === 'community') return formatCommunity(typeof value === 'number' ? value : null);
  return value === null ? '—' : String(value);
}
