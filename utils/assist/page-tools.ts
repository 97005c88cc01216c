/**
 * The pointing tools on a page: 指读, the caption bar, the guide lines or the reading ruler, and the
 * large pointer. Everything we draw lives in one shadow root on one host element; the page itself
 * gets only two things while a tool is on, both taken away by `set([])`: a stylesheet outside its
 * DOM (the large pointer, the outline of the element being read, the room for the caption bar) and
 * `data-speaking` on the element being read.
 *
 * Per pointer move the work is bounded: the move is stored, and one animation frame later the lines
 * move (a transform) and the element under the pointer is looked up through at most a few of its
 * ancestors (describe.ts). No walk of the page, whatever its size. Only trusted events count, so the
 * page cannot drive the tools from script.
 */
import { type ThemeName, themeStylesheet } from '../display/themes';
import { type CaptionText, showCaptionText } from './caption-text';
import { cursorStylesheet } from './cursor';
import { describe, type Readable, readableAt } from './describe';
import { createPageSheet } from './page-sheet';
import type { AssistTool, CaptionPosition, CursorColour } from './tools';

export interface AssistOptions {
  dwellMs: number;
  captionSizePx: number;
  captionPosition: CaptionPosition;
  cursorColour: CursorColour;
  cursorSizePx: number;
  theme: ThemeName;
  /** Pinyin over the caption (the site's pinyin is on): its lines grow to hold the readings. */
  captionPinyin?: boolean;
}

/** How 指读 speaks: the background's chrome.tts (Chrome) or the page's speechSynthesis. */
export interface Speaker {
  say(text: string): void;
  hush(): void;
}

/** Turns text into what the caption shows: the site's script, and pinyin when it is on. */
export type CaptionFormat = (text: string) => CaptionText;

export const HOST_TAG = 'yidu-assist';
/**
 * The last frames' script time after pointer moves, in ms: a global of our isolated world (the page
 * cannot see it, unlike its performance timeline), read by `npm run bench` (scripts/lib/bench-assist.ts).
 */
export const FRAME_TIMES_GLOBAL = 'yiduAssistFrameMs';
/**
 * When 指读's last dwells ended (ms since the epoch: `timeOrigin + now`, comparable with the
 * background's clock), a global of our isolated world read by `npm run bench` (scripts/lib/bench-assist.ts).
 */
export const DWELL_ENDS_GLOBAL = 'yiduAssistDwellEnds';
const FRAMES_KEPT = 200;
/** How long after the user's key or pointer press a focus change counts as theirs. */
const FOCUS_AFTER_INPUT_MS = 1_000;

/** Keeps the last `FRAMES_KEPT` values of a global list of our isolated world. */
function record(name: typeof FRAME_TIMES_GLOBAL | typeof DWELL_ENDS_GLOBAL, value: number) {
  const world = globalThis as unknown as Record<string, number[] | undefined>;
  const values = world[name] ?? [];
  world[name] = values;
  if (values.length >= FRAMES_KEPT) values.shift();
  values.push(value);
}

/** The caption bar shows two lines; the page gets this much room. */
const CAPTION_LINES = 2;
const CAPTION_LINE_HEIGHT = 1.4;
/**
 * With pinyin each line holds its readings (0.55em) above its characters within its own height
 * (a CJK font's glyph box is about 1.45em), so a third line the bar cuts off cannot show its
 * readings over the second; and the bar has no padding below, where they would show instead.
 */
const CAPTION_PINYIN_LINE_HEIGHT = 2.6;
const CAPTION_PADDING_PX = 12;
const CAPTION_BORDER_PX = 4;

export function captionHeightPx(sizePx: number, pinyin = false): number {
  const lineHeight = pinyin ? CAPTION_PINYIN_LINE_HEIGHT : CAPTION_LINE_HEIGHT;
  const padding = (pinyin ? 1 : 2) * CAPTION_PADDING_PX;
  return Math.ceil(sizePx * lineHeight * CAPTION_LINES + padding + CAPTION_BORDER_PX);
}

const barHeightPx = (options: AssistOptions) =>
  captionHeightPx(options.captionSizePx, options.captionPinyin);

/**
 * The reading ruler moves by transforms only (the band scaled from this height, its two edges
 * placed apart): a change of size would make the browser lay out and repaint the page under it,
 * which on a 10 MB page is a long task per move (measured by `npm run bench`).
 */
const BAND_BASE_PX = 100;
const EDGE_PX = 3;

const SHADOW_CSS = `
:host{all:initial}
.caption{position:fixed;left:0;right:0;box-sizing:border-box;margin:0;contain:strict;will-change:transform;
  padding:${CAPTION_PADDING_PX}px 24px;background:var(--yd-bg);color:var(--yd-text);
  font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
  font-weight:var(--yd-body-weight);line-height:${CAPTION_LINE_HEIGHT};overflow:hidden;
  display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:${CAPTION_LINES};
  overflow-wrap:anywhere;pointer-events:none}
.caption[data-position="bottom"]{bottom:0;border-top:${CAPTION_BORDER_PX}px solid var(--yd-border)}
.caption[data-position="top"]{top:0;border-bottom:${CAPTION_BORDER_PX}px solid var(--yd-border)}
.caption[data-pinyin]{line-height:${CAPTION_PINYIN_LINE_HEIGHT};padding-bottom:0}
.caption rt{font-size:0.55em;line-height:1;letter-spacing:0;font-weight:400;color:var(--yd-text);padding:0 0.15em}
.line{position:fixed;left:0;top:0;background:var(--yd-focus);pointer-events:none;contain:strict;
  box-shadow:0 0 0 1px var(--yd-bg);will-change:transform}
.line-h{width:100vw;height:3px}
.line-v{width:3px;height:100vh}
.shade{position:fixed;left:0;top:0;width:100vw;height:100vh;background:rgb(0 0 0 / 0.55);contain:strict;
  pointer-events:none;will-change:transform}
.band{position:fixed;left:0;top:0;width:100vw;height:${BAND_BASE_PX}px;pointer-events:none;contain:strict;
  transform-origin:0 0;will-change:transform}
.edge{position:fixed;left:0;top:0;width:100vw;height:${EDGE_PX}px;background:var(--yd-focus);pointer-events:none;
  contain:strict;will-change:transform}
[hidden]{display:none !important}
`;

export interface PageTools {
  /** Turns on exactly these tools with these options ([] turns everything off and restores). */
  set(tools: readonly AssistTool[], options: AssistOptions): void;
  /** The caption's formatting changed (a converter arrived): shows the caption again. */
  setCaptionFormat(format: CaptionFormat): void;
  tools(): AssistTool[];
}

export function createPageTools(document: Document, speaker: Speaker): PageTools {
  const window = document.defaultView as Window & typeof globalThis;
  const sheet = createPageSheet(document);
  let on = new Set<AssistTool>();
  let options: AssistOptions | undefined;
  let format: CaptionFormat = (text) => ({ text });

  // Our elements, made on first use.
  let host: HTMLElement | undefined;
  let parts:
    | {
        style: HTMLStyleElement;
        caption: HTMLElement;
        guides: HTMLElement;
        lineH: HTMLElement;
        lineV: HTMLElement;
        ruler: HTMLElement;
        above: HTMLElement;
        band: HTMLElement;
        below: HTMLElement;
        edges: [HTMLElement, HTMLElement];
      }
    | undefined;

  // Where the pointer is, and what is under it.
  let pointer: { x: number; y: number; target: Element | null } | undefined;
  let frame = 0;
  let hovered: Readable | null = null;
  let bandHeight = 72;
  let captionText = '';
  // 指读's state: the element marked as being read, the last one read, the dwell timer.
  let speaking: Element | null = null;
  let lastRead: Element | null = null;
  let dwell: ReturnType<typeof setTimeout> | undefined;
  let listening = false;
  /**
   * When the user last pressed a key or the pointer: focus events are trusted even when a page
   * script calls `element.focus()`, so focus is followed (read, captioned) only right after the
   * user's own input, never as a page's script moves it.
   */
  let lastUserInput = Number.NEGATIVE_INFINITY;

  function make() {
    if (parts && host?.isConnected) return parts;
    host = document.createElement(HOST_TAG);
    // Inline and important: the host never takes the pointer or space, whatever the page's CSS.
    host.setAttribute(
      'style',
      'all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;z-index:2147483647 !important;pointer-events:none !important;display:block !important',
    );
    // The bar repeats text that is on the page: screen readers read the page, not it twice.
    host.setAttribute('aria-hidden', 'true');
    const root = host.attachShadow({ mode: 'open' });
    const element = (tag: string, className: string, testId?: string) => {
      const made = document.createElement(tag);
      made.className = className;
      if (testId) made.dataset.testid = testId;
      made.hidden = true;
      return made;
    };
    const style = document.createElement('style');
    const caption = element('p', 'caption', 'caption-bar');
    const guides = element('div', 'guides', 'reading-guides');
    const lineH = element('div', 'line line-h');
    const lineV = element('div', 'line line-v');
    lineH.hidden = lineV.hidden = false;
    guides.append(lineH, lineV);
    const ruler = element('div', 'ruler', 'reading-ruler');
    const above = element('div', 'shade');
    const band = element('div', 'band');
    const below = element('div', 'shade');
    const edges: [HTMLElement, HTMLElement] = [element('div', 'edge'), element('div', 'edge')];
    for (const part of [above, band, below, ...edges]) part.hidden = false;
    ruler.append(above, band, below, ...edges);
    root.append(style, caption, guides, ruler);
    document.documentElement.append(host);
    parts = { style, caption, guides, lineH, lineV, ruler, above, band, below, edges };
    return parts;
  }

  /** The page's stylesheet: pointer, outline of the element being read, room for the caption. */
  function pageCss(): string {
    if (!options) return '';
    const rules: string[] = [];
    if (on.has('cursor')) rules.push(cursorStylesheet(options.cursorColour, options.cursorSizePx));
    if (on.has('pointRead')) {
      // Two rings, dark inside light (or the theme's pair): one of them is at least 3:1 against
      // any page colour. Outline and shadow take no space, so nothing moves.
      rules.push(
        `[data-speaking="true"]{outline:3px solid #1f1b16 !important;outline-offset:1px !important;box-shadow:0 0 0 7px #fbf8f1 !important}`,
      );
    }
    if (on.has('caption')) {
      const side = options.captionPosition === 'top' ? 'top' : 'bottom';
      const own = Number.parseFloat(
        window.getComputedStyle(document.documentElement)[
          side === 'top' ? 'paddingTop' : 'paddingBottom'
        ],
      );
      const room = barHeightPx(options) + (Number.isFinite(own) ? own : 0);
      rules.push(
        `html{padding-${side}:${room}px !important;scroll-padding-${side}:${room}px !important}`,
      );
    }
    return rules.join('\n');
  }

  function render() {
    if (!options) return;
    const needsHost = on.has('caption') || on.has('guides') || on.has('ruler');
    if (needsHost) {
      const p = make();
      p.style.textContent = `${themeStylesheet(':host', options.theme)}\n${SHADOW_CSS}`;
      p.caption.hidden = !on.has('caption');
      p.caption.dataset.position = options.captionPosition;
      p.caption.style.fontSize = `${options.captionSizePx}px`;
      p.caption.toggleAttribute('data-pinyin', options.captionPinyin === true);
      // A fixed height (and contain: strict): new text never makes the page lay itself out again.
      p.caption.style.height = `${barHeightPx(options)}px`;
      p.guides.hidden = !on.has('guides') || !pointer;
      p.ruler.hidden = !on.has('ruler') || !pointer;
      showCaption(captionText);
    } else {
      host?.remove();
      host = undefined;
      parts = undefined;
    }
    // The room for the caption is measured without our own rule in place.
    sheet.remove();
    const css = pageCss();
    if (css) sheet.set(css);
  }

  function showCaption(text: string) {
    captionText = text;
    if (!parts || !on.has('caption')) return;
    // Only what two lines can show: the rest would be shaped and laid out for nothing.
    const fits = options
      ? Math.ceil(((CAPTION_LINES * window.innerWidth) / options.captionSizePx) * 1.2)
      : text.length;
    showCaptionText(parts.caption, text ? format(text.slice(0, fits)) : { text: '' });
  }

  function stopSpeaking() {
    clearTimeout(dwell);
    dwell = undefined;
    if (speaking) {
      if (speaking.getAttribute('data-speaking') === 'true')
        speaking.removeAttribute('data-speaking');
      speaking = null;
      speaker.hush();
    }
  }

  function read(readable: Readable, force = false) {
    const { element } = readable;
    if (!element.isConnected || (!force && element === lastRead)) return;
    const { spoken, shown } = describe(readable);
    if (!spoken) return;
    stopSpeaking();
    lastRead = element;
    speaking = element;
    element.setAttribute('data-speaking', 'true');
    showCaption(shown);
    speaker.say(spoken);
  }

  /** The caption bar's box, where hovering means nothing (it hides what is under it). */
  function overCaption(y: number): boolean {
    if (!on.has('caption') || !options) return false;
    const height = barHeightPx(options);
    return options.captionPosition === 'top' ? y < height : y > window.innerHeight - height;
  }

  function onFrame() {
    frame = 0;
    if (!pointer) return;
    const started = window.performance.now();
    try {
      follow(pointer);
    } finally {
      record(FRAME_TIMES_GLOBAL, window.performance.now() - started);
    }
  }

  function follow(pointer: { x: number; y: number; target: Element | null }) {
    const { x, y } = pointer;
    if (parts && on.has('guides')) {
      parts.guides.hidden = false;
      parts.lineH.style.transform = `translateY(${Math.round(y - 1)}px)`;
      parts.lineV.style.transform = `translateX(${Math.round(x - 1)}px)`;
    }
    if (on.has('caption') || on.has('pointRead') || on.has('ruler')) {
      if (overCaption(y)) return;
      // The page may have replaced what was under the pointer since the move.
      let target = pointer.target;
      if (!target?.isConnected) target = document.elementFromPoint(x, y);
      const found = readableAt(target, host);
      if (found?.element !== hovered?.element) hover(found);
    }
    if (parts && on.has('ruler')) placeRuler(y);
  }

  function hover(found: Readable | null) {
    hovered = found;
    if (found && on.has('ruler')) bandHeight = bandHeightOf(found.element);
    if (on.has('caption') && found) showCaption(describe(found).shown);
    if (!on.has('pointRead')) return;
    // Moving on stops what was being read at once; the new element is read after the dwell.
    stopSpeaking();
    if (found && options) {
      const target = found;
      dwell = setTimeout(() => {
        dwell = undefined;
        record(DWELL_ENDS_GLOBAL, window.performance.timeOrigin + window.performance.now());
        if (hovered?.element === target.element) read(target);
      }, options.dwellMs);
    }
  }

  /** Two to three lines of the text under the pointer: its line height, three times. */
  function bandHeightOf(element: Element): number {
    const style = window.getComputedStyle(element);
    let line = Number.parseFloat(style.lineHeight);
    if (!Number.isFinite(line)) line = Number.parseFloat(style.fontSize) * 1.5;
    if (!Number.isFinite(line)) line = 24;
    return Math.min(240, Math.max(48, Math.round(line * 2.6)));
  }

  function placeRuler(centreY: number) {
    if (!parts) return;
    const top = Math.round(centreY - bandHeight / 2);
    parts.ruler.hidden = false;
    parts.band.style.transform = `translateY(${top}px) scaleY(${bandHeight / BAND_BASE_PX})`;
    parts.edges[0].style.transform = `translateY(${top}px)`;
    parts.edges[1].style.transform = `translateY(${top + bandHeight - EDGE_PX}px)`;
    parts.above.style.transform = `translateY(${top - window.innerHeight}px)`;
    parts.below.style.transform = `translateY(${top + bandHeight}px)`;
  }

  // --- Listeners: capture phase on the document, passive, trusted events only. ---

  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    const target = (event.composedPath()[0] as Element | undefined) ?? null;
    pointer = {
      x: event.clientX,
      y: event.clientY,
      target: target?.nodeType === 1 ? target : null,
    };
    if (!frame) frame = window.requestAnimationFrame(onFrame);
  };
  const onScroll = () => {
    // What is under a still pointer changes as the page scrolls under it.
    if (!pointer) return;
    pointer = { ...pointer, target: null };
    if (!frame) frame = window.requestAnimationFrame(onFrame);
  };
  const onUserInput = (event: Event) => {
    if (event.isTrusted) lastUserInput = event.timeStamp;
  };
  const onFocus = (event: FocusEvent) => {
    if (!event.isTrusted || event.timeStamp - lastUserInput > FOCUS_AFTER_INPUT_MS) return;
    const target = event.composedPath()[0] as Element | undefined;
    if (target?.nodeType !== 1 || host?.contains(target)) return;
    const found = readableAt(target, host) ?? { element: target, kind: 'text' as const };
    if (on.has('caption')) showCaption(describe(found).shown);
    if (on.has('pointRead')) {
      hovered = found;
      read(found, true);
    }
    followCaret(target);
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!event.isTrusted || !on.has('ruler')) return;
    const active = document.activeElement;
    if (active) followCaret(active);
  };

  /** The ruler (and lines) follow the keyboard: the caret in text, else the focused element. */
  function followCaret(element: Element) {
    if (!parts || (!on.has('ruler') && !on.has('guides'))) return;
    const selection = document.getSelection();
    let rect: DOMRect | undefined;
    if (selection && selection.rangeCount > 0 && element.contains(selection.focusNode)) {
      const range = selection.getRangeAt(0);
      const box = range.getBoundingClientRect();
      if (box.height > 0) rect = box;
    }
    rect ??= element.getBoundingClientRect();
    const x = rect.left + Math.min(rect.width / 2, 40);
    const y = rect.top + rect.height / 2;
    pointer = { x, y, target: element };
    bandHeight = bandHeightOf(element);
    if (!frame) frame = window.requestAnimationFrame(onFrame);
  }

  function listen(wanted: boolean) {
    if (wanted === listening) return;
    listening = wanted;
    const method = wanted ? 'addEventListener' : 'removeEventListener';
    const passive = { capture: true, passive: true } as const;
    document[method]('pointermove', onPointerMove as EventListener, passive);
    document[method]('focusin', onFocus as EventListener, passive);
    document[method]('keydown', onUserInput, passive);
    document[method]('pointerdown', onUserInput, passive);
    document[method]('keyup', onKeyUp as EventListener, passive);
    window[method]('scroll', onScroll, passive);
  }

  return {
    set(tools, next) {
      const wasOn = on;
      on = new Set(tools);
      options = next;
      if (!on.has('pointRead') && wasOn.has('pointRead')) {
        stopSpeaking();
        lastRead = null;
      }
      if (on.size === 0) {
        stopSpeaking();
        window.cancelAnimationFrame(frame);
        frame = 0;
        pointer = undefined;
        hovered = null;
        lastRead = null;
        captionText = '';
        listen(false);
        host?.remove();
        host = undefined;
        parts = undefined;
        sheet.remove();
        return;
      }
      listen(true);
      render();
      if (pointer && !frame) frame = window.requestAnimationFrame(onFrame);
    },
    setCaptionFormat(next) {
      format = next;
      if (captionText) showCaption(captionText);
    },
    tools: () => [...on],
  };
}
