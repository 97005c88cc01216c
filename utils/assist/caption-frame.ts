/**
 * The caption bar drawn in an extension frame (entrypoints/caption-frame.html) instead of the
 * page's own document: a change of its text then repaints only the frame (its own document, in
 * its own process in Chrome), never the page, which on a 10 MB page is a long task per change
 * (measured by `npm run bench`).
 *
 * The page side (page-tools.ts) hands the frame one end of a MessageChannel, once, as the frame
 * loads; everything then goes over that port. The frame takes only the first port its parent
 * posts and ignores every other message (the page can post to it too). What it shows goes in
 * as text nodes only (caption-text.ts); the style values are checked against what they can be.
 */
import { THEME_NAMES, type ThemeName, themeStylesheet } from '../display/themes';
import { type CaptionText, showCaptionText } from './caption-text';
import type { CaptionPosition } from './tools';

/** The message that carries the port: its `type`, checked by the frame. */
export const CAPTION_PORT_MESSAGE = 'yidu-caption-port';

/** What the page side sends over the port. */
export type CaptionFrameMessage =
  | {
      kind: 'style';
      theme: ThemeName;
      sizePx: number;
      pinyin: boolean;
      position: CaptionPosition;
    }
  | ({ kind: 'text' } & CaptionText);

/** The caption's box, inside the frame (the frame itself is the bar's box in the page). */
export const CAPTION_LINES = 2;
export const CAPTION_LINE_HEIGHT = 1.4;
/**
 * With pinyin each line holds its readings (0.55em) above its characters within its own height
 * (a CJK font's glyph box is about 1.45em), so a third line the bar cuts off cannot show its
 * readings over the second; and the bar has no padding below, where they would show instead.
 */
export const CAPTION_PINYIN_LINE_HEIGHT = 2.6;
export const CAPTION_PADDING_PX = 12;
export const CAPTION_BORDER_PX = 4;

const FRAME_CSS = `
html,body{margin:0;padding:0;height:100%;overflow:hidden;background:transparent}
.caption{box-sizing:border-box;margin:0;height:100%;contain:strict;
  padding:${CAPTION_PADDING_PX}px 24px;background:var(--yd-bg);color:var(--yd-text);
  font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
  font-weight:var(--yd-body-weight);line-height:${CAPTION_LINE_HEIGHT};overflow:hidden;
  display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:${CAPTION_LINES};
  overflow-wrap:anywhere}
.caption[data-position="bottom"]{border-top:${CAPTION_BORDER_PX}px solid var(--yd-border)}
.caption[data-position="top"]{border-bottom:${CAPTION_BORDER_PX}px solid var(--yd-border)}
.caption[data-pinyin]{line-height:${CAPTION_PINYIN_LINE_HEIGHT};padding-bottom:0}
.caption rt{font-size:0.55em;line-height:1;letter-spacing:0;font-weight:400;color:var(--yd-text);padding:0 0.15em}
`;

const MIN_SIZE_PX = 8;
const MAX_SIZE_PX = 200;

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

/** Applies one message from the port to the caption (ignoring anything malformed). */
export function applyCaptionMessage(
  caption: HTMLElement,
  theme: HTMLStyleElement,
  data: unknown,
): void {
  if (!data || typeof data !== 'object') return;
  const message = data as Partial<Record<string, unknown>>;
  if (message.kind === 'text') {
    const { text, readings } = message;
    if (typeof text !== 'string') return;
    const valid =
      Array.isArray(readings) && readings.length <= text.length && readings.every(isStringOrNull);
    showCaptionText(caption, {
      text,
      readings: valid ? (readings as (string | null)[]) : undefined,
    });
    return;
  }
  if (message.kind !== 'style') return;
  const { sizePx, pinyin, position } = message;
  const name = THEME_NAMES.find((one) => one === message.theme) ?? 'default';
  theme.textContent = themeStylesheet(':root', name);
  if (typeof sizePx === 'number' && Number.isFinite(sizePx))
    caption.style.fontSize = `${Math.min(MAX_SIZE_PX, Math.max(MIN_SIZE_PX, sizePx))}px`;
  caption.toggleAttribute('data-pinyin', pinyin === true);
  caption.dataset.position = position === 'top' ? 'top' : 'bottom';
}

/** The frame's side: builds the caption and waits for its port. */
export function startCaptionFrame(window: Window): void {
  const { document } = window;
  const style = document.createElement('style');
  style.textContent = FRAME_CSS;
  const theme = document.createElement('style');
  theme.textContent = themeStylesheet(':root', 'default');
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.dataset.testid = 'caption-bar';
  caption.dataset.position = 'bottom';
  document.head.append(style, theme);
  document.body.append(caption);
  let port: MessagePort | undefined;
  const onMessage = (event: MessageEvent) => {
    if (port || event.source !== window.parent || event.source === window) return;
    const given = event.ports[0];
    if (event.data?.type !== CAPTION_PORT_MESSAGE || !given) return;
    port = given;
    window.removeEventListener('message', onMessage);
    port.onmessage = (message) => applyCaptionMessage(caption, theme, message.data);
  };
  window.addEventListener('message', onMessage);
}
