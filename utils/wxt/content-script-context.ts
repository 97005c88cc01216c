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
 * Same public surface as WXT's class (`main(ctx)` is typed by WXT), except the `wxt:` events:
 * location changes are watched by `watchLocation` (utils/detect/location-watch.ts).
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

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    // WXT's `wxt:` events are named after the extension's id and dispatched on the page's own
    // objects, where the page can dispatch them too: none here (see above).
    if (type.startsWith('wxt:'))
      throw new Error(`${type}: not available (see content-script-context.ts)`);
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
