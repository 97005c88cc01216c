/**
 * Text outside links: a government portal's navigation, sidebars and feeds are links, its article
 * is not, so "how much Chinese sits outside links" is what both the detector (is this an article?)
 * and the extractor (is this landmark chrome?) measure.
 */
import { countCjk } from './cjk';
import { NOT_TEXT_TAGS } from './tags';

/** Text never read: not-text elements, and controls' option lists (a `<select>`'s, a `<textarea>`'s). */
export const SILENT_TAGS = new Set<string>([...NOT_TEXT_TAGS, 'SELECT', 'TEXTAREA']);

/** Text that is not in a link. */
export const LINK_AND_SILENT_TAGS = new Set([...SILENT_TAGS, 'A']);

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/** Elements and text nodes of `root` in document order, never entering a `skipped` element. */
export function textWalker(root: Element, skipped: Set<string>): TreeWalker {
  return root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 1 && skipped.has((node as Element).tagName) ? FILTER_REJECT : FILTER_ACCEPT,
  });
}

/** CJK characters of `element` outside links, counted up to `limit + 1` (enough to compare). */
export function unlinkedCjk(element: Element, limit: number): number {
  let total = 0;
  const walker = textWalker(element, LINK_AND_SILENT_TAGS);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    total += countCjk(node.nodeValue ?? '');
    if (total > limit) break;
  }
  return total;
}
