// <quorum-standings> in real Chromium: on a phone's width the ratings chart is drawn at its own size, never shrunk or cut off.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/arena/leaderboard/quorum-standings.js';
import type { Standing } from '../../../../src/arena/rating/leaderboard.js';

const standing = (id: string, rating: number, rank: number): Standing => ({
  id,
  rating,
  lower: rating - 120,
  upper: rating + 120,
  tooFewVotes: false,
  rank,
  battles: 10,
  wins: 5,
  losses: 4,
  ties: 1,
});

const STANDINGS = [
  standing('sim-swift-0.5B', 1186, 1),
  standing('sim-tiny-360M', 1052, 1),
  standing('recorded-gsm8k-175b-verifier', 948, 1),
  standing('sim-steady-1.5B', 814, 1),
];

async function mount(width: number) {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  const element = document.createElement('quorum-standings');
  element.standings = STANDINGS;
  element.labelOf = (id) => (id.startsWith('recorded') ? 'GPT-3 175B + verifier (recorded)' : id);
  box.append(element);
  document.body.append(box);
  await element.updateComplete;
  return element;
}

/** Waits for the chart to settle after the element learns its width. */
async function chartAt(width: number) {
  const element = await mount(width);
  await expect
    .poll(() => element.shadowRoot!.querySelector('svg')?.viewBox.baseVal.width)
    .toBeDefined();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  await element.updateComplete;
  const region = element.shadowRoot!.querySelector<HTMLElement>('[aria-label="Ratings chart"]')!;
  const svg = region.querySelector('svg')!;
  const names = [...svg.querySelectorAll<SVGTextElement>('text.name')];
  return {
    region,
    scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
    names,
    svg,
  };
}

/** Errors the page saw (a ResizeObserver loop is reported as one). */
const errors: string[] = [];
const onError = (event: ErrorEvent) => errors.push(event.message);

beforeEach(() => {
  errors.length = 0;
  window.addEventListener('error', onError);
});

afterEach(() => {
  window.removeEventListener('error', onError);
  document.body.replaceChildren();
});

describe('quorum-standings chart', () => {
  it('on a 358 px phone column: no sideways scroll, text at its own size, every name whole and inside', async () => {
    const { region, scale, names, svg } = await chartAt(358);
    expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    expect(scale).toBeGreaterThan(0.97);
    const right = svg.getBoundingClientRect().right;
    expect(names.map((n) => n.textContent)).toContain('GPT-3 175B + verifier (recorded)');
    for (const name of names) expect(name.getBoundingClientRect().right).toBeLessThanOrEqual(right);
    expect(errors).toEqual([]);
  });

  it('on a desktop keeps names beside the intervals', async () => {
    const { names, region } = await chartAt(900);
    expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    const [first] = names;
    const line = first!.parentElement!.querySelector('line.interval')!;
    expect(line.getBoundingClientRect().left).toBeGreaterThan(
      first!.getBoundingClientRect().left + 100,
    );
  });
});

describe('quorum-standings with too few votes', () => {
  it('says "too few votes" instead of a zero-width interval, and draws no interval for it', async () => {
    const element = document.createElement('quorum-standings');
    element.standings = [
      { ...standing('a', 1145, 1), lower: 1145, upper: 1145, tooFewVotes: true, battles: 1 },
      standing('b', 1000, 1),
    ];
    document.body.append(element);
    await element.updateComplete;
    const root = element.shadowRoot!;
    const cells = [...root.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((td) => td.textContent?.trim()),
    );
    expect(cells.map((row) => row[3])).toEqual(['too few votes', '880 – 1120']);
    expect(root.querySelectorAll('line.interval')).toHaveLength(1);
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toContain(
      'a 1145 (too few votes)',
    );
  });
});
