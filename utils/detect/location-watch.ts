/**
 * Calls `onChange` when the page's address changes without a new document (single-page portals).
 * Only the address itself counts: an event the page makes up (a `navigate` it dispatches, or
 * anything named like WXT's `wxt:locationchange`) cannot make the detector run again while the
 * address stays the same. A page may of course change its own address with `history.pushState`;
 * that is a real change and is checked once the page is quiet (the caller's debounce).
 */
export function watchLocation(
  view: Window,
  onChange: (url: string) => void,
  signal: AbortSignal,
): void {
  let last = view.location.href;
  const compare = () => {
    const now = view.location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const navigation = (view as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    // Fired once a same-document navigation (pushState, replaceState, a new #fragment) commits.
    navigation.addEventListener('currententrychange', (event) => event.isTrusted && compare(), {
      signal,
    });
  } else {
    // No Navigation API (older Firefox): look at the address once a second.
    const timer = view.setInterval(compare, 1000);
    signal.addEventListener('abort', () => view.clearInterval(timer));
  }
}
