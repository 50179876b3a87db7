// What the shell gives every routed view, and how a view names itself in the document title.

/** The shell sets these on the view's element before it is shown and on every in-place navigation. */
export interface ViewElement extends HTMLElement {
  params: Record<string, string>;
  query: URLSearchParams;
}

/** The event a view dispatches to name itself in the document title. */
export const VIEW_TITLE_EVENT = 'quorum-view-title';

/** A view with data (a comparison, a tool) names itself once it knows what it shows. */
export function setViewTitle(view: EventTarget, title: string): void {
  view.dispatchEvent(
    new CustomEvent<string>(VIEW_TITLE_EVENT, { detail: title, bubbles: true, composed: true }),
  );
}

/** The document's title for a view: "<view> · Quorum", or "Quorum" alone. */
export function documentTitle(viewTitle: string): string {
  return viewTitle ? `${viewTitle} · Quorum` : 'Quorum';
}

declare global {
  interface HTMLElementEventMap {
    [VIEW_TITLE_EVENT]: CustomEvent<string>;
  }
}
