/**
 * The pointing tools on a page: 指读, the caption bar, the guide lines or the reading ruler, and the
 * large pointer. Everything we draw lives in one shadow root on one host element; the page itself
 * gets only two things while a tool is on, both taken away by `set([])`: a stylesheet outside its
 * DOM (the large pointer, the room for the caption bar) and `data-speaking` on the element being
 * read, which no rule of ours styles.
 *
 * Nothing of ours changes the page's layout or paint as the pointer moves: on a 10 MB page each
 * such change is a repaint of the whole document, a long task (measured by `npm run bench`). So
 * the lines, the ruler and 指读's outline (four edges around the element being read) move by
 * transforms only, and the caption bar's text is drawn in an extension frame of its own
 * (caption-frame.ts), told over a MessageChannel what to show.
 *
 * Per pointer move the work is bounded: the move is stored, and one animation frame later the lines
 * move (a transform) and the element under the pointer is looked up through at most a few of its
 * ancestors (describe.ts). No walk of the page, whatever its size. Only trusted events count, so the
 * page cannot drive the tools from script.
 */
import { type ThemeName, themeStylesheet } from '../display/themes';
import {
  CAPTION_BORDER_PX,
  CAPTION_LINE_HEIGHT,
  CAPTION_LINES,
  CAPTION_PADDING_PX,
  CAPTION_PINYIN_LINE_HEIGHT,
  CAPTION_PORT_MESSAGE,
  type CaptionFrameMessage,
} from './caption-frame';
import type { CaptionText } from './caption-text';
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

/** The caption bar shows two lines (caption-frame.ts); the page gets this much room. */
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
/**
 * 指读's outline: four edges around the element being read, each a strip of light, dark and light
 * (one of the two is at least 3:1 against any page colour), stretched from this length by a
 * transform, a pixel outside the element's box. Nothing of the page moves or repaints.
 */
const RING_BASE_PX = 100;
const RING_BAND_PX = 3;
const RING_PX = 3 * RING_BAND_PX;
const RING_GAP_PX = 1;
const RING_LIGHT = '#fbf8f1';
const RING_DARK = '#1f1b16';
const ringGradient = (direction: string) =>
  `linear-gradient(${direction},${RING_LIGHT} 0 ${RING_BAND_PX}px,${RING_DARK} ${RING_BAND_PX}px ${2 * RING_BAND_PX}px,${RING_LIGHT} ${2 * RING_BAND_PX}px)`;
const OFF_SCREEN = 'translate(-1000px,-1000px) scale(0)';

const SHADOW_CSS = `
:host{all:initial}
.caption{position:fixed;left:0;width:100%;box-sizing:border-box;margin:0;padding:0;border:0;display:block;
  contain:strict;will-change:transform;pointer-events:none}
.caption[data-position="bottom"]{bottom:0}
.caption[data-position="top"]{top:0}
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
.ring{position:fixed;left:0;top:0;pointer-events:none;contain:strict;transform-origin:0 0;will-change:transform}
.ring-h{width:${RING_BASE_PX}px;height:${RING_PX}px;background:${ringGradient('to bottom')}}
.ring-v{width:${RING_PX}px;height:${RING_BASE_PX}px;background:${ringGradient('to right')}}
[hidden]{display:none !important}
`;

export interface PageTools {
  /** Turns on exactly these tools with these options ([] turns everything off and restores). */
  set(tools: readonly AssistTool[], options: AssistOptions): void;
  /** The caption's formatting changed (a converter arrived): shows the caption again. */
  setCaptionFormat(format: CaptionFormat): void;
  tools(): AssistTool[];
}

/**
 * The caption bar's extension page (entrypoints/caption-frame): the URL it is framed from and the
 * origin its document has, the only one its port is posted to. On Chrome they differ: the URL is
 * the per-session dynamic one, the document's origin the extension's own.
 */
export interface CaptionFrameSource {
  url: string;
  origin: string;
}

/** The tools on `document`. */
export function createPageTools(
  document: Document,
  speaker: Speaker,
  captionFrame: CaptionFrameSource,
): PageTools {
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
        root: ShadowRoot;
        rings: HTMLElement[];
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
  /** The caption bar's box, its frame and its port, made while the caption is on. */
  let bar: { box: HTMLElement; port: MessagePort } | undefined;

  // Where the pointer is, and what is under it.
  let pointer: { x: number; y: number; target: Element | null } | undefined;
  let frame = 0;
  let hovered: Readable | null = null;
  let bandHeight = 72;
  let captionText = '';
  /** What the caption frame was last told, so the same is not sent again at every move. */
  let sentStyle = '';
  let sentCaption = '';
  let outlineFrame = 0;
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
    const rings = [
      element('div', 'ring ring-h'),
      element('div', 'ring ring-h'),
      element('div', 'ring ring-v'),
      element('div', 'ring ring-v'),
    ];
    const outline = element('div', 'outline');
    outline.hidden = false;
    for (const ring of rings) {
      ring.hidden = false;
      ring.style.transform = OFF_SCREEN;
    }
    outline.append(...rings);
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
    root.append(style, outline, guides, ruler);
    document.documentElement.append(host);
    bar = undefined;
    parts = { style, root, rings, guides, lineH, lineV, ruler, above, band, below, edges };
    return parts;
  }

  /**
   * The caption bar's frame, and the port it is told what to show through: handed over once, at
   * the frame's first real load, to the extension's origin only (if the page navigates the frame
   * elsewhere, the port goes nowhere).
   */
  function makeCaptionFrame(root: ShadowRoot) {
    // The frame sits in a closed shadow root of its own: its address (on Firefox the add-on's
    // per-install UUID, an identifier that lasts) is not readable from the page, whose script can
    // open our outer shadow root.
    const box = document.createElement('div');
    box.className = 'caption';
    const inner = box.attachShadow({ mode: 'closed' });
    const caption = document.createElement('iframe');
    caption.setAttribute(
      'style',
      'display:block;width:100%;height:100%;border:0;margin:0;padding:0;background:transparent;color-scheme:normal;pointer-events:none',
    );
    // Not a stop for the keyboard, and nothing for a screen reader: the host is aria-hidden (the
    // bar repeats text that is on the page), and so is the frame's document.
    caption.tabIndex = -1;
    caption.setAttribute('aria-hidden', 'true');
    caption.setAttribute('scrolling', 'no');
    const channel = new MessageChannel();
    let handed = false;
    caption.addEventListener('load', (event) => {
      if (handed || !event.isTrusted) return;
      handed = true;
      caption.contentWindow?.postMessage({ type: CAPTION_PORT_MESSAGE }, captionFrame.origin, [
        channel.port2,
      ]);
    });
    caption.src = captionFrame.url;
    inner.append(caption);
    root.prepend(box);
    sentStyle = sentCaption = '';
    return { box, port: channel.port1 };
  }

  function tellCaption(message: CaptionFrameMessage) {
    bar?.port.postMessage(message);
  }

  /** The page's stylesheet: the pointer, the room for the caption. */
  function pageCss(): string {
    if (!options) return '';
    const rules: string[] = [];
    if (on.has('cursor')) rules.push(cursorStylesheet(options.cursorColour, options.cursorSizePx));
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
    const needsHost =
      on.has('caption') || on.has('guides') || on.has('ruler') || on.has('pointRead');
    if (needsHost) {
      const p = make();
      p.style.textContent = `${themeStylesheet(':host', options.theme)}\n${SHADOW_CSS}`;
      if (on.has('caption')) {
        bar ??= makeCaptionFrame(p.root);
        bar.box.dataset.position = options.captionPosition;
        // A fixed height: new text never makes the page lay itself out again.
        bar.box.style.height = `${barHeightPx(options)}px`;
      } else if (bar) {
        bar.box.remove();
        bar.port.close();
        bar = undefined;
      }
      const style: CaptionFrameMessage = {
        kind: 'style',
        theme: options.theme,
        sizePx: options.captionSizePx,
        pinyin: options.captionPinyin === true,
        position: options.captionPosition,
      };
      const styleKey = JSON.stringify(style);
      if (styleKey !== sentStyle) {
        sentStyle = styleKey;
        tellCaption(style);
      }
      placeOutline();
      p.guides.hidden = !on.has('guides') || !pointer;
      p.ruler.hidden = !on.has('ruler') || !pointer;
      showCaption(captionText);
    } else {
      host?.remove();
      host = undefined;
      parts = undefined;
      bar = undefined;
    }
    // The room for the caption is measured without our own rule in place.
    sheet.remove();
    const css = pageCss();
    if (css) sheet.set(css);
  }

  function showCaption(text: string) {
    captionText = text;
    if (!bar || !on.has('caption')) return;
    // Only what two lines can show: the rest would be shaped and laid out for nothing.
    const fits = options
      ? Math.ceil(((CAPTION_LINES * window.innerWidth) / options.captionSizePx) * 1.2)
      : text.length;
    const shown = text ? format(text.slice(0, fits)) : { text: '' };
    const key = `${shown.text}\u0000${shown.readings?.join(' ') ?? ''}`;
    if (key === sentCaption) return;
    sentCaption = key;
    tellCaption({ kind: 'text', text: shown.text, readings: shown.readings });
  }

  /** 指读's outline around the element being read, or off screen: transforms only. */
  function placeOutline() {
    outlineFrame = 0;
    if (!parts) return;
    const [top, bottom, left, right] = parts.rings as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    const box =
      speaking?.isConnected && on.has('pointRead') ? speaking.getBoundingClientRect() : null;
    if (!box) {
      for (const ring of parts.rings) ring.style.transform = OFF_SCREEN;
      return;
    }
    const out = RING_GAP_PX + RING_PX;
    const x = box.left - out;
    const width = (box.width + 2 * out) / RING_BASE_PX;
    const height = (box.height + 2 * RING_GAP_PX) / RING_BASE_PX;
    top.style.transform = `translate(${x}px,${box.top - out}px) scaleX(${width})`;
    bottom.style.transform = `translate(${x}px,${box.bottom + RING_GAP_PX}px) scaleX(${width})`;
    left.style.transform = `translate(${x}px,${box.top - RING_GAP_PX}px) scaleY(${height})`;
    right.style.transform = `translate(${box.right + RING_GAP_PX}px,${box.top - RING_GAP_PX}px) scaleY(${height})`;
  }

  function followOutline() {
    if (speaking && !outlineFrame) outlineFrame = window.requestAnimationFrame(placeOutline);
  }

  function stopSpeaking() {
    clearTimeout(dwell);
    dwell = undefined;
    if (speaking) {
      if (speaking.getAttribute('data-speaking') === 'true')
        speaking.removeAttribute('data-speaking');
      speaking = null;
      speaker.hush();
      placeOutline();
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
    placeOutline();
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
    followOutline();
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
    window[method]('resize', followOutline, passive);
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
        window.cancelAnimationFrame(outlineFrame);
        frame = 0;
        outlineFrame = 0;
        pointer = undefined;
        hovered = null;
        lastRead = null;
        captionText = '';
        listen(false);
        host?.remove();
        bar?.port.close();
        host = undefined;
        parts = undefined;
        bar = undefined;
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
