/**
 * What the caption bar shows: its text, and with pinyin on, each read character as the base of a
 * `<ruby>` with its reading in an `<rt>` (as utils/pinyin/dom-pinyin.ts annotates a page). The
 * text is the page's, so it only ever goes in as text nodes, never as markup.
 */

/** The caption's text, in the script shown, with one reading (or null) per UTF-16 unit. */
export interface CaptionText {
  text: string;
  readings?: readonly (string | null)[];
}

/** What each caption element shows now, so the same text is not built again at every move. */
const shownIn = new WeakMap<Element, string>();

/** Puts `caption` in `element` (in place of what it showed), unless it shows just that already. */
export function showCaptionText(element: HTMLElement, caption: CaptionText): void {
  const { text, readings } = caption;
  const annotated = readings?.some((reading) => reading) ? readings : undefined;
  const key = annotated ? `${text}\u0000${annotated.join(' ')}` : text;
  if (shownIn.get(element) === key) return;
  shownIn.set(element, key);
  if (!annotated) {
    element.textContent = text;
    return;
  }
  const document = element.ownerDocument;
  const fragment = document.createDocumentFragment();
  let plainFrom = 0;
  // Characters read one after another share one ruby (base, reading, base, reading...).
  let ruby: HTMLElement | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const reading = annotated[i];
    if (!reading) {
      ruby = null;
      continue;
    }
    if (plainFrom < i) fragment.append(text.slice(plainFrom, i));
    if (!ruby) {
      ruby = document.createElement('ruby');
      fragment.append(ruby);
    }
    const rt = document.createElement('rt');
    rt.textContent = reading;
    ruby.append(text.charAt(i), rt);
    plainFrom = i + 1;
  }
  if (plainFrom < text.length) fragment.append(text.slice(plainFrom));
  element.replaceChildren(fragment);
}
