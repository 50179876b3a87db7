// <quorum-member-column> in Chromium: a model's reasoning is folded apart from its answer while it streams and once done.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/studio/quorum-member-column.js';
import type { QuorumMemberColumn } from '../../../../src/fusion/studio/quorum-member-column.js';
import type { Column, Segment } from '../../../../src/fusion/studio/studio-state.js';
import { deepQuery, shadowText } from '../../../support/shadow-text.js';

function segment(text: string, status: Segment['status'], reasoning?: string): Segment {
  return {
    tag: 'sample 1',
    text,
    ...(reasoning !== undefined ? { reasoning } : {}),
    status,
    usage: null,
    error: null,
    startedAt: 1,
    firstTextAt: 2,
    endedAt: status === 'streaming' ? null : 3,
    pieces: 3,
  };
}

function columnWith(latest: Segment): Column {
  return {
    key: 'member:qwen',
    modelId: 'qwen',
    label: 'Qwen3 0.6B',
    simulated: false,
    role: 'member',
    segments: [latest],
  };
}

async function mount(latest: Segment): Promise<QuorumMemberColumn> {
  const element = document.createElement('quorum-member-column');
  element.column = columnWith(latest);
  element.now = 4;
  document.body.append(element);
  await element.updateComplete;
  // The answer renders in nested elements (stream text, Markdown): a frame or two later.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return element;
}

/** What the column shows: its reasoning part's summary and text, and its answer part. */
function parts(element: QuorumMemberColumn) {
  const reasoning = deepQuery(element, 'quorum-reasoning');
  const answer = deepQuery(element, '[data-testid="column-text"]');
  return {
    summary: reasoning ? (deepQuery(reasoning, 'summary')?.textContent ?? '') : null,
    reasoning: reasoning ? shadowText(reasoning) : null,
    answer: answer ? shadowText(answer) : '',
    all: shadowText(element),
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<quorum-member-column>', () => {
  it('shows an open reasoning block as "Thinking…", never as the answer', async () => {
    const element = await mount(segment('<think>\nFirst I add the tens: 17 * 20', 'streaming'));
    const shown = parts(element);
    expect(shown.summary).toBe('Thinking…');
    expect(shown.reasoning).toContain('First I add the tens');
    expect(shown.answer).not.toContain('First I add');
    expect(shown.all).not.toContain('<think>');
  });

  it('folds the closed block as "Reasoning" and streams the answer without a half special token', async () => {
    const element = await mount(segment('<think>\nplan</think>\nFinal: 42 <|im_', 'streaming'));
    const shown = parts(element);
    expect(shown.summary).toBe('Reasoning');
    expect(shown.answer).toContain('Final: 42');
    expect(shown.answer).not.toMatch(/plan|<\|/);
  });

  it('once done shows the stored answer, its reasoning folded beside it', async () => {
    const element = await mount(segment('Final: 42', 'done', 'plan'));
    const shown = parts(element);
    expect(shown.summary).toBe('Reasoning');
    expect(shown.reasoning).toContain('plan');
    expect(shown.answer).toBe('Final: 42');
  });

  it('says so when a model only reasoned and wrote no answer', async () => {
    const element = await mount(segment('', 'done', 'I ran out of tokens while thinking'));
    expect(parts(element).all).toContain('No answer, only reasoning.');
  });

  it('writes a count of one token in the singular ("≈1 token", not "≈1 tokens")', async () => {
    const element = await mount({ ...segment('Hi', 'done'), pieces: 1 });
    const figures = deepQuery(element, '.figures')?.textContent ?? '';
    expect(figures).toContain('≈1 token');
    expect(figures).not.toContain('1 tokens');
  });

  it('shows no dashes before the first token: it says what it waits for (newcomer: "first token — — tok/s")', async () => {
    const element = await mount({ ...segment('', 'streaming'), firstTextAt: null, pieces: 0 });
    const figures = deepQuery(element, '.figures')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(figures).toBe('waiting for the first token');
  });

  it('leaves out a speed not measured yet rather than showing a dash', async () => {
    const element = await mount({ ...segment('Hi', 'streaming'), pieces: 1 });
    const figures = deepQuery(element, '.figures')?.textContent ?? '';
    expect(figures).toContain('first token 1 ms');
    expect(figures).not.toContain('—');
  });
});
