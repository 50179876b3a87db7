// <quorum-studio-run> in Chromium: the question shown above the answers starts where they start.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/studio/quorum-studio-run.js';
import type { RunRecord } from '../../../../src/fusion/history/run-record.js';
import { deepQuery } from '../../../support/shadow-text.js';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<quorum-studio-run>', () => {
  it('shows "You asked:" on the question’s first line, flush with the heading, and keeps the question’s own line breaks', async () => {
    const element = document.createElement('quorum-studio-run');
    element.live = { phase: 'answering', phaseDetail: 'Starting', columns: [] };
    // Only the fields the question line reads; the result is not shown while running.
    element.record = {
      prompt: 'First line\nsecond line',
      status: 'running',
    } as unknown as RunRecord;
    element.running = true;
    document.body.append(element);
    await element.updateComplete;

    const question = deepQuery(element, '[data-testid="run-question"]');
    const label = question?.querySelector('.muted');
    const heading = deepQuery(element, '#answers-heading');
    expect(question && label && heading).toBeTruthy();
    const labelBox = label!.getBoundingClientRect();
    const headingBox = heading!.getBoundingClientRect();
    const questionBox = question!.getBoundingClientRect();
    // Template whitespace rendered by pre-wrap once indented the label and pushed it to a second line.
    expect(Math.abs(labelBox.left - headingBox.left)).toBeLessThan(2);
    expect(Math.abs(labelBox.top - questionBox.top)).toBeLessThan(2);
    // The visitor's own newline still breaks the line: the question spans two lines of text.
    const lineHeight = labelBox.height;
    expect(questionBox.height).toBeGreaterThan(lineHeight * 1.5);
    expect(questionBox.height).toBeLessThan(lineHeight * 2.5);
  });

  it('shows a 30,000-character question as an excerpt, the whole of it one click away', async () => {
    const element = document.createElement('quorum-studio-run');
    element.live = { phase: 'answering', phaseDetail: 'Starting', columns: [] };
    const prompt = `Start ${'word '.repeat(6000)}end`;
    element.record = { prompt, status: 'running' } as unknown as RunRecord;
    element.running = true;
    document.body.append(element);
    await element.updateComplete;
    const question = deepQuery<HTMLElement>(element, '[data-testid="run-question"]');
    expect(question?.innerText.length).toBeLessThan(1000);
    const details = deepQuery<HTMLDetailsElement>(element, '[data-testid="run-question"] details');
    expect(details?.open).toBe(false);
    details!.querySelector('summary')!.click();
    await expect.poll(() => details!.open).toBe(true);
    expect(details!.textContent).toContain(prompt);
  });
});
