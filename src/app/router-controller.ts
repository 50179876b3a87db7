// Keeps the shell's current route in step with the URL: link clicks, back/forward and navigate().
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inAppDestination } from './link-click.js';
import { matchRoute, type RouteMatch } from './match-route.js';
import { NAVIGATE_EVENT, navigate } from '../ui/navigate.js';
import type { RouteDefinition } from './routes.js';

/** What the shell learns when the route changes. */
export interface RouteChange {
  match: RouteMatch | null;
  /** True for a visitor's navigation after the first page: the shell then moves focus. */
  userNavigation: boolean;
  /** Back/forward keeps the browser's scroll restoration; new pages start at the top. */
  fromHistory: boolean;
}

/**
 * Keeps the shell's route in step with the URL (a Lit reactive controller): in-app link clicks, back and
 * forward, and navigate() calls each call `onChange`.
 */
export class RouterController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly routes: readonly RouteDefinition[],
    private readonly onChange: (change: RouteChange) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener(NAVIGATE_EVENT, this.onNavigate);
    document.addEventListener('click', this.onClick);
    this.emit(false, false);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener(NAVIGATE_EVENT, this.onNavigate);
    document.removeEventListener('click', this.onClick);
  }

  private emit(userNavigation: boolean, fromHistory: boolean): void {
    const match = matchRoute(this.routes, location.pathname, location.search);
    this.onChange({ match, userNavigation, fromHistory });
  }

  private readonly onPopState = (): void => this.emit(true, true);

  private readonly onNavigate = (): void => this.emit(true, false);

  private readonly onClick = (event: MouseEvent): void => {
    // Links live inside shadow roots: the composed path holds the real anchor.
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor?.hasAttribute('href')) return;
    const destination = inAppDestination(
      event,
      {
        href: anchor.href,
        target: anchor.target,
        hasDownload: anchor.hasAttribute('download'),
        rel: anchor.rel,
      },
      new URL(location.href),
    );
    if (destination === null) return;
    event.preventDefault();
    if (destination !== location.pathname + location.search) navigate(destination);
  };
}
