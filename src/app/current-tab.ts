// The header's nav scrolls sideways on a phone: the current page's tab is scrolled into it on each route change.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A Lit reactive controller for the shell (`<quorum-app>`, light DOM). On a phone the nav is a
 * sideways scroller cut at the screen's edge; after each update that changes the current tab
 * (`nav a[aria-current="page"]`), the nav scrolls sideways to centre it. Only the nav's own
 * `scrollLeft` moves, never the page (scrollIntoView would scroll the page up to the header).
 */
export class CurrentTabInView implements ReactiveController {
  private shown: Element | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private watched: HTMLElement | null = null;

  hostUpdated(): void {
    const nav = this.host.querySelector('nav');
    if (nav && nav !== this.watched) {
      this.watched = nav;
      nav.addEventListener('scroll', () => markEdges(nav), { passive: true });
      // A window resized or a phone turned changes what overflows without any scroll.
      new ResizeObserver(() => markEdges(nav)).observe(nav);
      markEdges(nav);
    }
    const tab = nav?.querySelector('a[aria-current="page"]') ?? null;
    if (!nav || !tab || tab === this.shown) return;
    this.shown = tab;
    const navBox = nav.getBoundingClientRect();
    const tabBox = tab.getBoundingClientRect();
    const offset = tabBox.left + tabBox.width / 2 - (navBox.left + navBox.width / 2);
    nav.scrollTo({ left: nav.scrollLeft + offset, behavior: 'instant' });
    markEdges(nav);
  }
}

/**
 * Flags the sides of the nav with sections scrolled out of sight (`data-more-left`,
 * `data-more-right`), where the phone style shows a "more this way" arrow, and measures what the
 * sections cut at each edge cover (`--cut-left`, `--cut-right`, px): the phone style hides those
 * whole, so no half word shows beside the arrow. The arrow's room is the nav's scroll padding, where
 * snapping leaves the first whole section on the left.
 */
function markEdges(nav: HTMLElement): void {
  const end = nav.scrollWidth - nav.clientWidth;
  const moreLeft = nav.scrollLeft > 1;
  const moreRight = nav.scrollLeft < end - 1;
  nav.toggleAttribute('data-more-left', moreLeft);
  nav.toggleAttribute('data-more-right', moreRight);
  const box = nav.getBoundingClientRect();
  const room = parseFloat(getComputedStyle(nav).scrollPaddingInlineStart) || 0;
  const from = box.left + (moreLeft ? room : 0) - 1;
  const to = box.right - (moreRight ? room : 0) + 1;
  const whole = [...nav.querySelectorAll('li')]
    .map((li) => li.getBoundingClientRect())
    .filter((r) => r.left >= from && r.right <= to);
  const first = whole[0];
  const last = whole.at(-1);
  const cutLeft = moreLeft && first ? first.left - box.left : 0;
  const cutRight = moreRight && last ? box.right - last.right : 0;
  nav.style.setProperty('--cut-left', `${Math.max(0, cutLeft)}px`);
  nav.style.setProperty('--cut-right', `${Math.max(0, cutRight)}px`);
}
