// <quorum-catalog-filters> in Chromium: the "Minimum panel ship" filter says what panel ship means.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/catalog/quorum-catalog-filters.js';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<quorum-catalog-filters>', () => {
  it('describes "Minimum panel ship" with a visible hint saying what the figure is (newcomer)', async () => {
    const filters = document.createElement('quorum-catalog-filters');
    document.body.append(filters);
    await filters.updateComplete;
    const root = filters.shadowRoot!;
    const select = root.querySelector('#ship')!;
    const hintId = select.getAttribute('aria-describedby') ?? '';
    const hint = hintId ? root.getElementById(hintId) : null;
    expect(hint?.textContent).toMatch(/^Panel ship: the share of .*reviewer panel who would ship/);
    expect(hint?.checkVisibility()).toBe(true);
  });
});
