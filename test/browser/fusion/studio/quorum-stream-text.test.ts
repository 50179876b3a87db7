// <quorum-stream-text> in Chromium: it follows the end of a streaming answer until the visitor scrolls away, and again once they return.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/fusion/studio/quorum-stream-text.js';
import type { QuorumStreamText } from '../../../../src/fusion/studio/quorum-stream-text.js';

/** A scroll area 100 px high, as a studio column makes it. */
async function mount(): Promise<QuorumStreamText> {
  const element = document.createElement('quorum-stream-text');
  element.style.cssText =
    'display: block; height: 100px; overflow-y: auto; white-space: pre-wrap; font: 16px/20px serif';
  element.key = 'member:a sample 1';
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Layout, the resize observer and scroll events all run within a frame; two make sure of it. */
async function settle(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Streams `lines` more lines into the element, one render and frame at a time. */
async function stream(element: QuorumStreamText, lines: number): Promise<void> {
  for (let i = 0; i < lines; i++) {
    element.text += `line ${element.text.split('\n').length}\n`;
    await element.updateComplete;
    await settle();
  }
}

const atEnd = (element: HTMLElement): boolean =>
  element.scrollTop + element.clientHeight >= element.scrollHeight - 1;

/** The visitor scrolls to `top`; the scroll event arrives in the next frame. */
async function visitorScrolls(element: HTMLElement, top: number): Promise<void> {
  element.scrollTop = top;
  await settle();
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('quorum-stream-text', () => {
  it('follows the end while the visitor stays there', async () => {
    const element = await mount();
    await stream(element, 30);
    expect(element.scrollHeight).toBeGreaterThan(element.clientHeight * 3);
    expect(atEnd(element)).toBe(true);
  });

  it('stops following once the visitor scrolls away, and keeps their place', async () => {
    const element = await mount();
    await stream(element, 30);
    await visitorScrolls(element, 40);
    await stream(element, 10);
    expect(element.scrollTop).toBe(40);
    expect(atEnd(element)).toBe(false);
  });

  it('follows again once the visitor scrolls back to the end', async () => {
    const element = await mount();
    await stream(element, 30);
    await visitorScrolls(element, 0);
    await stream(element, 5);
    expect(element.scrollTop).toBe(0);
    await visitorScrolls(element, element.scrollHeight);
    await stream(element, 10);
    expect(atEnd(element)).toBe(true);
  });

  it('follows the end of a new call even if the visitor had scrolled away from the last one', async () => {
    const element = await mount();
    await stream(element, 30);
    await visitorScrolls(element, 0);
    element.key = 'member:a sample 2';
    element.text = '';
    await element.updateComplete;
    await stream(element, 30);
    expect(atEnd(element)).toBe(true);
  });
});
