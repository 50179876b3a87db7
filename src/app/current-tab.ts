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

  hostUpdated(): void {
    const nav = this.host.querySelector('nav');
    const tab = nav?.querySelector('a[aria-current="page"]') ?? null;
    if (!nav || !tab || tab === this.shown) return;
    this.shown = tab;
    const navBox = nav.getBoundingClientRect();
    const tabBox = tab.getBoundingClientRect();
    const offset = tabBox.left + tabBox.width / 2 - (navBox.left + navBox.width / 2);
    nav.scrollTo({ left: nav.scrollLeft + offset, behavior: 'instant' });
  }
}
