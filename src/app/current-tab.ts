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
 * `data-more-right`): the phone style fades those edges, so a cut-off word reads as "more here".
 */
function markEdges(nav: HTMLElement): void {
  const end = nav.scrollWidth - nav.clientWidth;
  nav.toggleAttribute('data-more-left', nav.scrollLeft > 1);
  nav.toggleAttribute('data-more-right', nav.scrollLeft < end - 1);
}
