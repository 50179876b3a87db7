// Keeps the newest chat message in view: on opening a conversation, on each new turn, and while an answer streams.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Closer than this to the end counts as reading the newest message (a line or two of slack).
const NEAR_END_PX = 120;

function distanceFromEnd(): number {
  const root = document.scrollingElement ?? document.documentElement;
  return root.scrollHeight - root.scrollTop - innerHeight;
}

function pageTop(): number {
  return (document.scrollingElement ?? document.documentElement).scrollTop;
}

function scrollToEnd(): void {
  const root = document.scrollingElement ?? document.documentElement;
  window.scrollTo(0, root.scrollHeight);
}

/**
 * `pin()` scrolls to the end of the page (the newest message sits just above the sticky composer) and
 * keeps it there while the watched list grows: turns and their markdown render after the view does, so
 * one scroll at the view's update would stop short. Scrolling up to read unpins until the next `pin()`.
 */
export class FollowNewest implements ReactiveController {
  private pinned = false;
  private watched: Element | null = null;
  private readonly resize = new ResizeObserver(() => {
    if (!this.pinned) return;
    scrollToEnd();
    this.lastTop = pageTop();
  });
  private lastTop = 0;
  private readonly onScroll = (): void => {
    // Only the visitor scrolling up unpins. A scroll event comes a frame after our own scroll: an
    // answer that grew meanwhile (a burst of tokens, its figures) leaves the end far off without
    // anyone having scrolled away, and must not stop the following.
    const top = pageTop();
    const near = distanceFromEnd() < NEAR_END_PX;
    if (near) this.pinned = true;
    else if (top < this.lastTop) this.pinned = false;
    this.lastTop = top;
  };

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
    this.watched = null;
  }

  /** Follows `list`'s size (the messages); call after each render with the element now shown. */
  watch(list: Element | null): void {
    if (list === this.watched) return;
    if (this.watched) this.resize.unobserve(this.watched);
    this.watched = list;
    if (list) this.resize.observe(list);
  }

  pin(): void {
    this.pinned = true;
    scrollToEnd();
    this.lastTop = pageTop();
  }
}
