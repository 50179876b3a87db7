// <quorum-studio-prompt> in Chromium: the follow-up note quotes a long question in short.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/studio/quorum-studio-prompt.js';
import { deepQuery } from '../../../support/shadow-text.js';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<quorum-studio-prompt>', () => {
  it('quotes a 30,000-character question in the follow-up note as an excerpt', async () => {
    const element = document.createElement('quorum-studio-prompt');
    element.followUpTo = `Start ${'word '.repeat(6000)}end`;
    document.body.append(element);
    await element.updateComplete;
    const note = deepQuery(element, '[data-testid="follow-up-note"]');
    const text = note?.textContent ?? '';
    expect(text).toContain('Follow-up to “Start word');
    expect(text).toContain('…');
    expect(text.length).toBeLessThan(1000);
  });
});
