// How tool fields read on screen: percentages, "no votes yet", and field labels for the differences list.
import type { ToolFieldDifference } from './types.js';

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

export function formatCommunity(value: number | null): string {
  return value === null ? '— (no votes yet)' : `${value}%`;
}

export const FIELD_LABELS: Record<ToolFieldDifference['field'], string> = {
  name: 'Name',
  category: 'Category',
  tagline: 'Tagline',
  panelShip: 'Panel ship',
  community: 'Community',
  entry: 'Entry',
  description: 'Description',
};

export function formatFieldValue(
  field: ToolFieldDifference['field'],
  value: string | number | null,
): string {
  if (field === 'panelShip') return formatPercent(typeof value === 'number' ? value : null);
  if (field === 'community') return formatCommunity(typeof value === 'number' ? value : null);
  return value === null ? '—' : String(value);
}
