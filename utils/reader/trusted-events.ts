/**
 * Our UI inside a page (the on-page button, the reader overlay) lives in open shadow roots: the
 * `data-testid` contract and assistive tools need them open, which also lets the page's own scripts
 * reach our buttons. A page script's `button.click()` or `dispatchEvent(new KeyboardEvent(…))`
 * makes an event whose `isTrusted` is false, and the content script's isolated world sees that
 * flag as the browser set it (the page cannot forge it). Real input is trusted: a pointer, a key,
 * the click a keyboard's Enter or Space makes on a button, and an assistive tool's "activate".
 */

/** The events a page could use to act as the user; anything our handlers answer to is here. */
export const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'pointerenter',
  'pointerover',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/**
 * Stops every untrusted event of `GUARDED_EVENTS` at `root` (a shadow root) in the capture phase,
 * before it reaches any handler inside, and cancels its default action (a synthetic click on a
 * link or a submit button would otherwise still act). Returns a function that takes the guard off.
 */
export function ignoreUntrustedEvents(root: EventTarget): () => void {
  const guard = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    if (event.cancelable) event.preventDefault();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, guard, true);
  return () => {
    for (const type of GUARDED_EVENTS) root.removeEventListener(type, guard, true);
  };
}
