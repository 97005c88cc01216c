/**
 * Mounts the reader as a full-page overlay in an open shadow root, and takes it away again leaving
 * the page as it was: the page's own elements are never modified (one host element is appended to
 * `<html>` and removed on close), and focus and scroll position go back where they were.
 */
import { ignoreUntrustedEvents } from './trusted-events';

export const OVERLAY_HOST_TAG = 'yidu-reader';

export interface OverlayHandle {
  /** The element inside the shadow root to render into. */
  container: HTMLElement;
  /** The dialog element (receives focus on open). */
  dialog: HTMLElement;
  remove(): void;
}

export interface OverlayOptions {
  css: string;
  label: string;
  onEscape: () => void;
}

export function mountOverlay(
  doc: Document,
  { css, label, onEscape }: OverlayOptions,
): OverlayHandle {
  const previousFocus = deepActiveElement(doc);
  const view = doc.defaultView;
  const scroll = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0 };

  const host = doc.createElement(OVERLAY_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  // The page can reach into the open root: only the user's own input reaches the reader's handlers.
  ignoreUntrustedEvents(shadow);
  const style = doc.createElement('style');
  style.textContent = css;
  const dialog = doc.createElement('div');
  dialog.className = 'yd-overlay';
  dialog.dataset.testid = 'reader';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', label);
  dialog.tabIndex = -1;
  shadow.append(style, dialog);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
    } else if (event.key === 'Tab') {
      keepFocusInside(event, shadow, dialog);
    }
  };
  dialog.addEventListener('keydown', onKeyDown);
  doc.documentElement.append(host);
  dialog.focus({ preventScroll: true });

  return {
    container: dialog,
    dialog,
    remove() {
      dialog.removeEventListener('keydown', onKeyDown);
      host.remove();
      view?.scrollTo(scroll.x, scroll.y);
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    },
  };
}

/** The focused element, looking inside shadow roots (the on-page button lives in one). */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  // The document's own HTMLElement: a page's frames (and jsdom) are other realms than this script.
  const ElementClass = doc.defaultView?.HTMLElement;
  return ElementClass && active instanceof ElementClass ? active : null;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The reader is modal: Tab and Shift+Tab cycle through its own controls and links, never into the
 * page behind it (which the reader must not modify, so it cannot be made inert).
 */
function keepFocusInside(event: KeyboardEvent, shadow: ShadowRoot, dialog: HTMLElement): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = shadow.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || active === dialog)) {
    event.preventDefault();
    first.focus();
  }
}
