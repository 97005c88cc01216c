/**
 * The one message protocol. Each message names its direction in its type: `ui→background` (our UI:
 * the popup, options, or our controls inside a page), `content→background`, `→page` (sent to a tab's
 * content scripts), `background→extractor` (the extension's extractor document).
 *
 * The protocol is one table per receiver: `PAGE_PROTOCOL` (utils/page-messages.ts) for what a
 * tab's content scripts receive, `BACKGROUND_PROTOCOL` (utils/background-messages.ts) for what the
 * background and the extractor receive. Each entry holds a message's request and response types, who
 * may send it, and the validator its payload must pass; the types below are derived from both
 * tables. A listener (`createMessageListener`) is given its receiver's table, so a content script
 * bundles only the page half (the always-loaded detector must stay small). It refuses, unanswered
 * and not acted on, a message from a sender its entry does not list or whose payload fails its
 * validator: a page controls its content scripts' environment only so far, but a compromised or
 * confused sender must not steer other tabs or feed a handler sizes it was never meant to take.
 */
import { browser } from 'wxt/browser';
import type { BACKGROUND_PROTOCOL } from './background-messages';
import type { BundleName } from './bundles';
import { type Fields, isRecord, isTabId } from './message-checks';
import type { PageProtocol } from './page-messages';

/**
 * Who sent a message, as the browser reports it (never as the message says):
 * - `content`: a content script in a web page (the detector, the on-page button, the reader);
 * - `extension-page`: one of the extension's own pages (popup, options), in a tab or not;
 * - `extractor`: the extractor document (entrypoints/extractor);
 * - `background`: the background (Chrome's service worker, Firefox's background page).
 */
export type SenderKind = 'content' | 'extension-page' | 'extractor' | 'background';

/** What a listener learns of a message's sender (a subset of `runtime.MessageSender`). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** The sender as a handler sees it: checked and resolved by the listener. */
export interface CheckedSender {
  kind: SenderKind;
  /**
   * The tab the message acts on: a content script's own tab; for the extension's own pages the
   * `tabId` the message names (else the page's own tab, if it is in one).
   */
  tabId?: number;
  /** The sending frame (content scripts). */
  frameId?: number;
  /** The host of the sending page, from the browser's `sender.url` (content scripts). */
  host?: string;
}

export interface Entry<Request extends object, Response> {
  /** Who may send it. */
  from: readonly SenderKind[];
  /** True when the payload has the types, ranges and sizes the handler expects. */
  valid: (fields: Fields) => boolean;
  /** Type-level only: the request's fields and the answer. */
  readonly types?: { request: Request; response: Response };
}

/** One protocol entry: its request and response types, its senders and its validator. */
export function entry<Request extends object, Response>(
  from: readonly SenderKind[],
  valid: (fields: Fields) => boolean = () => true,
): Entry<Request, Response> {
  return { from, valid };
}

/** One half of the protocol: its entries by message type. */
export type ProtocolTable = Record<string, Entry<object, unknown>>;

/** The whole protocol, both halves: every message's request and answer types come from here. */
type Protocol = PageProtocol & typeof BACKGROUND_PROTOCOL;
type TypesOf<K extends keyof Protocol> = NonNullable<Protocol[K]['types']>;

export type MessageType = keyof Protocol;

export type MessageOf<T extends MessageType> = { type: T } & TypesOf<T>['request'];

export type Message = { [K in MessageType]: MessageOf<K> }[MessageType];

export type MessageResponse = { [K in MessageType]: TypesOf<K>['response'] };

export type OpenReaderResult = { ok: true } | { ok: false; reason: 'no-tab' | 'not-allowed' };

export type LoadBundlesResult =
  | { ok: true }
  | { ok: false; reason: 'no-tab' | 'unknown-bundle' | 'not-allowed' };

/** Handlers by message type: the one place a receiver says what it answers. */
export type MessageHandlers<T extends MessageType> = {
  [K in T]: (
    message: MessageOf<K>,
    sender: CheckedSender,
  ) => MessageResponse[K] | Promise<MessageResponse[K]>;
};

/** Background scripts' own addresses: Chrome's service worker, Firefox's generated page. */
const BACKGROUND_PATHS = new Set(['/background.js', '/_generated_background_page.html']);
const EXTRACTOR_PATH = '/extractor.html';

/**
 * What kind of sender the browser says this is. `extensionOrigin` is the extension's own base URL
 * (`runtime.getURL('/')`): a sender at that origin is one of the extension's pages; anything else
 * in a tab is a content script, whose `sender.url` is its page's (a page cannot choose it).
 */
export function senderKindOf(
  sender: MessageSender,
  extensionOrigin: string,
): SenderKind | undefined {
  const url = sender.url;
  if (url?.startsWith(extensionOrigin)) {
    const path = url.slice(extensionOrigin.length - 1).replace(/[?#].*$/, '');
    if (path === EXTRACTOR_PATH) return 'extractor';
    if (BACKGROUND_PATHS.has(path)) return 'background';
    return 'extension-page';
  }
  if (sender.tab?.id !== undefined) return url ? 'content' : undefined;
  // No page and no tab: a context of the extension without a document (a worker).
  return url === undefined ? 'background' : undefined;
}

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a message against its protocol entry and resolves its sender, or says why it is refused.
 * A content script acts only on its own tab: a `tabId` naming another is refused, not redirected.
 */
export function checkMessage<P extends ProtocolTable>(
  protocol: P,
  message: { type: keyof P & string } & Fields,
  sender: MessageSender,
  extensionOrigin: string,
): CheckedSender | { refused: string } {
  const rule: Entry<object, unknown> | undefined = protocol[message.type];
  if (!rule) return { refused: 'not a message this receiver takes' };
  const kind = senderKindOf(sender, extensionOrigin);
  if (kind === undefined || !rule.from.includes(kind))
    return { refused: `not accepted from ${kind ?? 'an unknown sender'}` };
  if (!rule.valid(message)) return { refused: 'invalid payload' };
  const ownTab = sender.tab?.id;
  const named = isTabId(message.tabId) ? message.tabId : undefined;
  if (kind === 'content') {
    if (named !== undefined && named !== ownTab) return { refused: 'names another tab' };
    return {
      kind,
      tabId: ownTab,
      frameId: sender.frameId,
      host: hostOfUrl(sender.url),
    };
  }
  return { kind, tabId: named ?? ownTab, frameId: sender.frameId };
}

/**
 * Builds a `runtime.onMessage` listener from the receiver's half of the protocol and a handler map.
 * Messages the map does not know are left unanswered (`undefined`), so another listener in the same
 * context can answer them; so are the messages `checkMessage` refuses, which no handler sees.
 */
export function createMessageListener<P extends ProtocolTable>(
  protocol: P,
  handlers: Partial<MessageHandlers<keyof P & MessageType>>,
  extensionOrigin = browser.runtime.getURL('/'),
) {
  return (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (!isMessageIn(protocol, message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type] as
      | ((message: unknown, sender: CheckedSender) => unknown)
      | undefined;
    if (!handler) return undefined;
    const checked = checkMessage(protocol, message, sender, extensionOrigin);
    if ('refused' in checked) {
      console.warn(`[yidu] refused ${message.type}: ${checked.refused}`);
      return undefined;
    }
    return Promise.resolve(handler(message, checked));
  };
}

function isMessageIn<P extends ProtocolTable>(
  protocol: P,
  value: unknown,
): value is { type: keyof P & MessageType } & Fields {
  return isRecord(value) && typeof value.type === 'string' && Object.hasOwn(protocol, value.type);
}

/** Sends a message to the background and returns its typed answer. */
export function sendToBackground<M extends Message>(
  message: M,
): Promise<MessageResponse[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<MessageResponse[M['type']]>;
}

/**
 * Has the background inject bundles (utils/bundles.ts) into this frame; resolves once they have
 * run there.
 */
export async function injectBundles(bundles: BundleName[]): Promise<void> {
  const result = await sendToBackground({ type: 'content→background:load-bundles', bundles });
  if (!result?.ok)
    throw new Error(`cannot load ${bundles.join(', ')}: ${result?.reason ?? 'no answer'}`);
}

/**
 * Sends a message to the extension's own pages (the extractor document) and returns the answer:
 * the same call, which reaches the background and the extension's pages alike.
 */
export const sendToExtension = sendToBackground;

/** Sends a message to the content scripts of one tab's top frame and returns the typed answer. */
export type TabSender = <M extends Message>(
  tabId: number,
  message: M,
) => Promise<MessageResponse[M['type']]>;

/** A `TabSender` over a `tabs` API (the browser's, or a test's). */
export function createTabSender(tabs: {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}): TabSender {
  return (tabId, message) =>
    tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<
      MessageResponse[(typeof message)['type']]
    >;
}

/** The browser's `TabSender` (looked up when called: content scripts have no `tabs`). */
export const sendToTab: TabSender = (tabId, message) =>
  createTabSender(browser.tabs)(tabId, message);
