/**
 * The on-page "阅读模式" button the detector shows on article pages, with its "not on this site".
 * Plain DOM in an open shadow root (the detector loads on every portal page, so no Preact here).
 * It never covers the article's text: it sits in the page margin beside the text column when there
 * is room, else at the top of the page over the portal's header, scrolling away with it.
 */
import { type ControlSize, controlSizeDeclarations } from '../display/control-size';
import { ignoreUntrustedEvents } from './trusted-events';

export const ENTRY_HOST_TAG = 'yidu-entry';

/** The buttons' box at the normal control size, in px (a larger size measures its own). */
const NORMAL_BOX = { width: 168, height: 104 };

// Kept short: every article page pays for these bytes. No animation at all, so reduced motion
// needs nothing more. The sizes follow the control size (utils/display/control-size.ts: labels of
// 18 / 22 / 28 px, targets of 48 / 60 / 72 px), the column's width growing with its labels.
const ENTRY_CSS = `:host{all:initial}
div{position:fixed;right:16px;bottom:16px;z-index:2147483646;display:flex;flex-direction:column;gap:8px;width:calc(var(--yd-control-font) * 9.34);font:600 var(--yd-control-font)/1.2 sans-serif}
[data-place=left]{right:auto;left:16px}
[data-place=top]{position:absolute;top:8px;bottom:auto}
button{min-height:var(--yd-control-target);padding:10px 14px;border:2px solid #fff;border-radius:calc(var(--yd-control-target) / 2);background:#0b4a8f;color:#fff;font:inherit;cursor:pointer}
.d{background:#fff;color:#1f1b16;border-color:#1f1b16;font-size:var(--yd-control-small)}
button:focus-visible{outline:3px solid #ffbf00;outline-offset:2px}
@media print{div{display:none}}`;

const entryCss = (size: ControlSize) => `${ENTRY_CSS}\n:host{${controlSizeDeclarations(size)}}`;

export interface EntryButtonOptions {
  label: string;
  title: string;
  dismissLabel: string;
  dismissTitle: string;
  onClick: () => void;
  onDismiss: () => void;
  /** The size of our controls (the settings' `controlSize`). */
  controlSize: ControlSize;
}

export interface EntryButtonHandle {
  /** Takes the buttons away. */
  remove(): void;
  /** Follows a new control size (the settings changed). */
  resize(size: ControlSize): void;
}

/** Shows the buttons (once per page). */
export function showEntryButton(doc: Document, options: EntryButtonOptions): EntryButtonHandle {
  doc.querySelector(ENTRY_HOST_TAG)?.remove();
  const host = doc.createElement(ENTRY_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  // The page can reach into the open root: its scripted clicks must not open the reader.
  ignoreUntrustedEvents(shadow);
  const style = doc.createElement('style');
  style.textContent = entryCss(options.controlSize);
  const group = doc.createElement('div');

  const open = doc.createElement('button');
  open.type = 'button';
  open.dataset.testid = 'reader-entry';
  open.title = options.title;
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '📖';
  open.append(icon, options.label);
  open.addEventListener('click', options.onClick);

  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'd';
  dismiss.dataset.testid = 'reader-entry-dismiss';
  dismiss.title = options.dismissTitle;
  dismiss.textContent = options.dismissLabel;
  dismiss.addEventListener('click', () => {
    remove();
    options.onDismiss();
  });

  group.append(open, dismiss);
  shadow.append(style, group);
  doc.documentElement.append(host);

  const view = doc.defaultView;
  const place = () => {
    // The box as laid out at this control size (and in this language).
    const { width, height } = group.getBoundingClientRect();
    group.dataset.place = chooseSide(doc, width > 0 ? { width, height } : NORMAL_BOX);
  };
  place();
  let pending = 0;
  const onResize = () => {
    if (!view) return;
    view.cancelAnimationFrame(pending);
    pending = view.requestAnimationFrame(place);
  };
  view?.addEventListener('resize', onResize);
  function remove() {
    view?.removeEventListener('resize', onResize);
    host.remove();
  }
  return {
    remove,
    resize(size) {
      const css = entryCss(size);
      if (style.textContent === css) return;
      style.textContent = css;
      place();
    },
  };
}

/**
 * Where the buttons go: the right or left margin beside the page's text column when it is wide
 * enough, else the top right of the page if no text is there (portal headers are
 * banners and links). The column is the extent of the blocks that hold running text, at most 300
 * of them looked at: this runs on every article page.
 */
export function chooseSide(
  doc: Document,
  box: { width: number; height: number } = NORMAL_BOX,
): 'right' | 'left' | 'top' {
  // Room beside the text column: the buttons' width and a gap; at the top, their box and margins.
  const neededMargin = box.width + 32;
  const view = doc.defaultView;
  if (!view) return 'top';
  const rects: DOMRect[] = [];
  const blocks = doc.body?.querySelectorAll('p, td, li, h1, h2, h3, h4, pre, blockquote') ?? [];
  const limit = Math.min(blocks.length, 300);
  for (let i = 0; i < limit; i += 1) {
    const block = blocks[i] as Element;
    if ((block.textContent?.trim().length ?? 0) < 8) continue;
    const rect = block.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  if (rects.length === 0) return 'right';
  const width = doc.documentElement.clientWidth;
  const left = Math.min(...rects.map((rect) => rect.left));
  const right = Math.max(...rects.map((rect) => rect.right));
  if (width - right >= neededMargin) return 'right';
  if (left >= neededMargin) return 'left';
  // Top placements scroll with the page: compare in page coordinates.
  const top = (x: number) => ({
    left: x,
    right: x + box.width + 16,
    top: 8,
    bottom: 8 + box.height + 16,
  });
  const free = (area: ReturnType<typeof top>) =>
    rects.every((rect) => {
      const y = rect.top + view.scrollY;
      return (
        rect.right <= area.left ||
        rect.left >= area.right ||
        y + rect.height <= area.top ||
        y >= area.bottom
      );
    });
  if (free(top(width - 32 - box.width))) return 'top';
  // Nowhere free: the lower right corner, the least read part of a screen.
  return 'right';
}
