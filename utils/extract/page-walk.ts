/**
 * Small measurements over a page's DOM shared by the chrome cleanup and the meta-line reader: where
 * the article's running text starts, the text before it, and how much unlinked text an element holds.
 */
import { countCjk, HEADING_TAGS } from '../cjk';

/** Text never read: scripts, styles, templates, and controls' option lists. */
const SILENT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'TEXTAREA']);

/** Text that is never the article's running text: links, headings, navigation. */
const NOT_RUNNING_TEXT_TAGS = new Set([
  ...SILENT_TAGS,
  'A',
  ...HEADING_TAGS,
  'NAV',
  'HEADER',
  'FOOTER',
  'BUTTON',
]);

/** Text that is not in a link. */
export const LINK_AND_SILENT_TAGS = new Set([...SILENT_TAGS, 'A']);

/** Inline elements: their text belongs to the block around them. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BIG',
  'CODE',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'RUBY',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);

/**
 * A block holding this many CJK characters outside links and headings is the article's running
 * text: longer than almost any title (long policy-document titles run to about 50 characters) and
 * than any meta line.
 */
const BODY_START_CHARACTERS = 60;

/** Stop looking for the body after this many text nodes: a huge page must stay cheap. */
const MAX_TEXT_NODES = 20_000;

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

function textWalker(root: Element, skipped: Set<string>): TreeWalker {
  return root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 1 && skipped.has((node as Element).tagName) ? FILTER_REJECT : FILTER_ACCEPT,
  });
}

function blockOf(node: Node): Element | null {
  let block = node.parentElement;
  while (block?.parentElement && INLINE_TAGS.has(block.tagName)) block = block.parentElement;
  return block;
}

export interface RunningText {
  /** The first block of the article's running text. */
  first: Element;
  /** The last one. */
  last: Element;
}

/**
 * Short-paragraph notices (one sentence a `<p>`) never reach BODY_START_CHARACTERS in one block,
 * while the summaries of a feed beside them may. Blocks of at least this many CJK characters (a
 * sentence, not a label like "来源：资阳日报") also count towards their parent, and a parent that
 * reaches BODY_START_CHARACTERS so starts the running text at its first such block.
 */
const SENTENCE_CHARACTERS = 12;

interface Container {
  total: number;
  first: Element;
}

/** The first and last blocks of running text in `root`, or null when it has none. */
export function findRunningText(root: Element): RunningText | null {
  const totals = new Map<Element, number>();
  const containers = new Map<Element, Container>();
  const walker = textWalker(root, NOT_RUNNING_TEXT_TAGS);
  let first: Element | null = null;
  let last: Element | null = null;
  let bodyParent: Element | null = null;
  let visited = 0;
  for (let node = walker.nextNode(); node && visited < MAX_TEXT_NODES; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    visited += 1;
    const characters = countCjk(node.nodeValue ?? '');
    const block = characters > 0 ? blockOf(node) : null;
    if (!block) continue;
    const before = totals.get(block) ?? 0;
    const after = before + characters;
    totals.set(block, after);
    if (before < BODY_START_CHARACTERS && after >= BODY_START_CHARACTERS) {
      first ??= block;
      last = block;
    }
    const parent = block.parentElement;
    if (!parent || after < SENTENCE_CHARACTERS) continue;
    let container = containers.get(parent);
    if (!container) {
      container = { total: 0, first: block };
      containers.set(parent, container);
    }
    const counted = container.total;
    container.total += before < SENTENCE_CHARACTERS ? after : characters;
    if (counted < BODY_START_CHARACTERS && container.total >= BODY_START_CHARACTERS && !first) {
      first = container.first;
      bodyParent = parent;
    }
    // Later sentences of the same body extend it; a footer's or a sidebar's lines do not.
    if (parent === bodyParent) last = block;
  }
  return first && last ? { first, last } : null;
}

/**
 * The element that holds the article's running text, from its first block to its last: where the
 * article's own links (its attachments) are, and the sidebars are not.
 */
export function runningTextContainer(running: RunningText): Element {
  let container: Element = running.first;
  while (!container.contains(running.last) && container.parentElement)
    container = container.parentElement;
  return container;
}

/**
 * The text of `root` up to `stop` (all of it when `stop` is null): text nodes of one block run
 * together, blocks are separated by line breaks, so "来源：<b>资阳日报</b>" reads as one field and
 * two fields in two `<div>`s as two lines.
 */
export function textBefore(root: Element, stop: Element | null): string {
  const parts: string[] = [];
  let previousBlock: Element | null = null;
  const walker = textWalker(root, SILENT_TAGS);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === stop) break;
    if (node.nodeType !== 3) continue;
    const block = blockOf(node);
    if (previousBlock && block !== previousBlock) parts.push('\n');
    previousBlock = block;
    parts.push(node.nodeValue ?? '');
  }
  return parts.join('');
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
