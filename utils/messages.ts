/**
 * The one message protocol. Each message names its direction in its type: `ui→background`,
 * `content→background`, `→page` (sent to a tab's content scripts). `MessageResponse` maps each message
 * to what its handler answers, so senders and handlers are checked against the same table.
 */
import { browser } from 'wxt/browser';
import type { PageStatus } from './detect/detect-article-page';

export type Message =
  /** The detector reports what it found on its page (sets the toolbar badge, may open the reader). */
  | { type: 'content→background:page-detected'; status: PageStatus; host: string }
  /** The on-page button's "not on this site". */
  | { type: 'content→background:hide-entry-button'; host: string }
  /** Open the reader in a tab: from the popup (with tabId) or the on-page button (sender's tab). */
  | { type: 'ui→background:open-reader'; tabId?: number }
  /** Ask a tab's detector what it found. */
  | { type: '→page:get-status' }
  /** Ask an injected reader to open (again). */
  | { type: '→page:reader-open' }
  /** Ask an injected reader to close if open, open if closed (keyboard shortcut). */
  | { type: '→page:reader-toggle' }
  /** Take the on-page button away (a single-page site moved off an article). */
  | { type: '→page:hide-entry' };

export interface MessageResponse {
  'content→background:page-detected': undefined;
  'content→background:hide-entry-button': undefined;
  'ui→background:open-reader': OpenReaderResult;
  '→page:get-status': PageStatus;
  '→page:reader-open': true;
  '→page:reader-toggle': { open: boolean };
  '→page:hide-entry': true;
}

export type OpenReaderResult = { ok: true } | { ok: false; reason: 'no-tab' | 'not-allowed' };

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** Handlers by message type: the one place a receiver says what it answers. */
export type MessageHandlers<T extends Message['type']> = {
  [K in T]: (
    message: MessageOf<K>,
    sender: { tab?: { id?: number } },
  ) => MessageResponse[K] | Promise<MessageResponse[K]>;
};

/**
 * Builds a `runtime.onMessage` listener from a handler map. Messages the map does not know are left
 * unanswered (`undefined`), so another listener in the same context can answer them.
 */
export function createMessageListener<T extends Message['type']>(handlers: MessageHandlers<T>) {
  return (message: unknown, sender: { tab?: { id?: number } }): Promise<unknown> | undefined => {
    if (!isMessage(message) || !(message.type in handlers)) return undefined;
    const handler = handlers[message.type as T] as (
      message: Message,
      sender: { tab?: { id?: number } },
    ) => unknown;
    return Promise.resolve(handler(message, sender));
  };
}

function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** Sends a message to the background and returns its typed answer. */
export function sendToBackground<M extends Message>(
  message: M,
): Promise<MessageResponse[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<MessageResponse[M['type']]>;
}

/** Sends a message to the content scripts of one tab's top frame and returns the typed answer. */
export function sendToTab<M extends Message>(
  tabId: number,
  message: M,
): Promise<MessageResponse[M['type']]> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<
    MessageResponse[M['type']]
  >;
}
