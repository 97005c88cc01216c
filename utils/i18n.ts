import { browser } from 'wxt/browser';
import type zhCN from '../public/_locales/zh_CN/messages.json';

/** Every UI string has a key in `public/_locales/<locale>/messages.json`; zh_CN is the default locale. */
export type MessageKey = keyof typeof zhCN;

/** Looks up a UI string in the browser's UI language (zh_CN when the browser's language has no file). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}
