// FollowNewest in real Chromium: an answer that grows right after the page was scrolled to it is still followed to its end.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowNewest } from '../../../src/chat/follow-newest.js';

/** A host with no rendering of its own: the test calls the controller's hooks. */
function fakeHost(): ReactiveControllerHost & { controllers: ReactiveController[] } {
  const controllers: ReactiveController[] = [];
  return {
    controllers,
    addController: (controller) => controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
}

function block(px: number): HTMLDivElement {
  const el = document.createElement('div');
  el.style.height = `${px}px`;
  return el;
}

const distanceFromEnd = () =>
  document.documentElement.scrollHeight - window.scrollY - window.innerHeight;
const nextScroll = () =>
  new Promise<void>((resolve) =>
    window.addEventListener('scroll', () => resolve(), { once: true }),
  );
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let list: HTMLElement | undefined;
let follow: FollowNewest | undefined;

afterEach(() => {
  follow?.hostDisconnected();
  list?.remove();
  window.scrollTo(0, 0);
});

function start(): { list: HTMLElement; follow: FollowNewest } {
  list = document.createElement('ol');
  list.append(block(3 * window.innerHeight));
  document.body.append(list);
  follow = new FollowNewest(fakeHost());
  follow.hostConnected();
  follow.watch(list);
  return { list, follow };
}

describe('FollowNewest', () => {
  it('keeps following when the list grows by more than a screenful between its scroll and that scroll’s event', async () => {
    const { list, follow } = start();
    follow.pin();
    // A burst of tokens and the answer's figures, before the scroll event of pin()'s scroll fires.
    list.append(block(400));
    await vi.waitFor(() => expect(distanceFromEnd()).toBeLessThan(2), { timeout: 3_000 });
  });

  it('stops following once the visitor scrolls up to read', async () => {
    const { list, follow } = start();
    follow.pin();
    await nextScroll();
    const scrolledUp = nextScroll();
    window.scrollTo(0, 0);
    await scrolledUp;
    let grown = false;
    const seen = new ResizeObserver(() => void (grown = true));
    seen.observe(list);
    list.append(block(400));
    await vi.waitFor(() => expect(grown).toBe(true));
    await frame();
    await frame();
    seen.disconnect();
    expect(window.scrollY).toBe(0);
  });
});
