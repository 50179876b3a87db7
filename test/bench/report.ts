// Writes the bench results as JSON and as the Markdown table printed and committed in latest.md.
import type { Budget, FigureResult } from './budgets.js';

export interface MachineInfo {
  cores: number;
  memoryGiB: number;
  cpuModel: string;
  browserVersion: string;
  nodeVersion: string;
  platform: string;
}

export interface BenchResults {
  date: string;
  machine: MachineInfo;
  durationS: number;
  notes: string[];
  figures: FigureResult[];
  /** Supporting measurements that have no budget (e.g. the web-llm worker chunk). */
  extra: Record<string, number | string>;
}

export function resultsToMarkdown(results: BenchResults): string {
  const { machine } = results;
  const rows = results.figures.map((figure) => {
    const name = figure.variant ? `${figure.key} (${figure.variant})` : figure.key;
    const s = figure.summary;
    const median = s ? formatValue(s.median, figure.unit) : 'not measured';
    const spread = s
      ? `${formatValue(s.min, figure.unit)} – ${formatValue(s.max, figure.unit)} (n=${s.runs})`
      : '—';
    const met = figure.met === null ? '—' : figure.met ? 'yes' : '**no**';
    return `| ${name} | ${median} | ${spread} | ${formatBudget(figure.budget, figure.unit)} | ${met} |`;
  });
  const notes = results.figures.map((figure) => {
    const name = figure.variant ? `${figure.key} (${figure.variant})` : figure.key;
    const carried = figure.measuredAt
      ? ` (Carried over from the run of ${figure.measuredAt}.)`
      : '';
    return `- **${name}**: ${figure.note}${carried}`;
  });
  const extra = Object.entries(results.extra).map(([key, value]) => `- ${key}: ${value}`);
  return [
    `# Quorum benchmark results`,
    '',
    `Measured ${results.date} in ${Math.round(results.durationS)} s on ${machine.cores} cores, ${machine.memoryGiB} GiB (${machine.cpuModel}), ${machine.browserVersion} headless, Node ${machine.nodeVersion}, ${machine.platform}.`,
    '',
    '| figure | median | spread (min – max) | budget | met? |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '## How each figure was measured',
    ...notes,
    ...(extra.length > 0 ? ['', '## Supporting measurements', ...extra] : []),
    ...(results.notes.length > 0
      ? ['', '## Notes', ...results.notes.map((note) => `- ${note}`)]
      : []),
    '',
  ].join('\n');
}

export function formatValue(value: number, unit: string): string {
  switch (unit) {
    case 'bytes':
      return `${(value / 1024).toFixed(1)} KB`;
    case 'ms':
      return `${value.toFixed(value < 100 ? 1 : 0)} ms`;
    case '×':
      return value.toFixed(2);
    case 'fps':
      return `${value.toFixed(1)} fps`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    default:
      return `${Math.round(value * 10) / 10} ${unit}`;
  }
}

function formatBudget(budget: Budget | null, unit: string): string {
  if (!budget) return '—';
  return `${budget.kind === 'max' ? '≤' : '≥'} ${formatValue(budget.value, unit)}`;
}
