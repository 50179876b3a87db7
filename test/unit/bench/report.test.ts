// The bench's latest.md: a carried-over figure says which run measured it.
import { describe, expect, it } from 'vitest';
import { resultsToMarkdown } from '../../bench/report.js';

describe('resultsToMarkdown', () => {
  it('names the run a carried-over figure comes from, and nothing for a fresh one', () => {
    const base = {
      unit: 'ms',
      summary: { median: 1, min: 1, max: 1, iqr: 0, runs: 1, samples: [1] },
      budget: null,
      met: null,
    };
    const markdown = resultsToMarkdown({
      date: '2026-11-30T12:00:00.000Z',
      machine: {
        cores: 2,
        memoryGiB: 24,
        cpuModel: 'cpu',
        browserVersion: 'Chromium',
        nodeVersion: 'v20',
        platform: 'linux',
      },
      durationS: 1,
      notes: [],
      figures: [
        { ...base, key: 'coldLoadMs', note: 'Fresh.' },
        { ...base, key: 'arenaFitMs', note: 'Old.', measuredAt: '2026-11-29T20:00:00.000Z' },
      ],
      extra: {},
    });
    expect(markdown).toContain('- **coldLoadMs**: Fresh.\n');
    expect(markdown).toContain(
      '- **arenaFitMs**: Old. (Carried over from the run of 2026-11-29T20:00:00.000Z.)\n',
    );
  });
});
