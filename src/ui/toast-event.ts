// The event a view dispatches to show a short message in the shell's toast region.
/** How a toast looks: information, success or error. */
export type ToastKind = 'info' | 'success' | 'error';

/** The detail of a toast event. */
export interface ToastDetail {
  message: string;
  kind: ToastKind;
}

/** The event that asks the shell to show a toast. */
export const TOAST_EVENT = 'quorum-toast';

/** Bubbles and crosses shadow roots so the shell hears it from any view. */
export function showToast(from: EventTarget, message: string, kind: ToastKind = 'info'): void {
  from.dispatchEvent(
    new CustomEvent<ToastDetail>(TOAST_EVENT, {
      detail: { message, kind },
      bubbles: true,
      composed: true,
    }),
  );
}

declare global {
  interface HTMLElementEventMap {
    [TOAST_EVENT]: CustomEvent<ToastDetail>;
  }
}
