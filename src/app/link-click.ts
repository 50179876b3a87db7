// Decides whether a click on a link is an in-app navigation the router should handle itself.

/** The parts of a click event that decide whether the router handles it. */
export interface ClickFacts {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** The parts of a clicked link that decide whether the router handles it. */
export interface AnchorFacts {
  href: string;
  target: string;
  hasDownload: boolean;
  rel: string;
}

/** Returns the path+search to route to, or null when the browser should handle the click. */
export function inAppDestination(
  click: ClickFacts,
  anchor: AnchorFacts,
  current: URL,
): string | null {
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if (anchor.hasDownload || (anchor.target && anchor.target !== '_self')) return null;
  if (anchor.rel.split(/\s+/).includes('external')) return null;
  let url: URL;
  try {
    url = new URL(anchor.href, current);
  } catch {
    return null;
  }
  if (url.origin !== current.origin) return null;
  // A fragment on the same page is the browser's job (skip links, in-page anchors).
  if (url.hash && url.pathname === current.pathname && url.search === current.search) return null;
  return url.pathname + url.search;
}
