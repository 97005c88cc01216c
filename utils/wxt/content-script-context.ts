/**
 * Stands in for WXT's `ContentScriptContext` (wxt/utils/content-script-context) in every content
 * script: wxt.config.ts aliases that module to this one.
 *
 * Why: WXT 0.20's context, built before each content script's `main`, announces the script to the
 * page. It dispatches a `<extension id>:<script>:wxt:content-script-started` event on `document`
 * and (unless `noScriptStartedPostMessage`) posts the same name with `window.postMessage`, which
 * hands any page the extension's id. With that id a page can fire WXT's own events: fake
 * `wxt:locationchange` events that re-run the detector, or a fake "started" event that invalidates
 * our scripts. The option only turns off the postMessage, and the event names are built from the id
 * in any case, so this context announces nothing and listens for nothing from the page.
 *
 * What is given up: WXT uses the "started" event to invalidate an older copy of a script after the
 * extension is updated or reloaded. Ours find out by themselves: `isInvalid` is true once the
 * extension's runtime is gone, as in WXT.
 *
 * Only the part of WXT's surface our content scripts use (the detector: `signal`, `onInvalidated`,
 * `setTimeout`), with `isValid` and the invalidation they rest on: every content script carries this
 * class, the always-loaded detector among them, held to 8 KB gzipped. WXT's other helpers
 * (`setInterval`, `requestAnimationFrame`, `requestIdleCallback`, `addEventListener`, `block`) are
 * left out; `main(ctx)` is typed by WXT's class, so tests/unit/content-script-context.test.ts checks
 * that no script calls what is not here. No `wxt:` events either: location changes are watched by
 * `watchLocation` (utils/detect/location-watch.ts).
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
