/**
 * Small measurements over a page's DOM shared by the chrome cleanup and the meta-line reader: where
 * the article's running text starts and the text before it (how much text an element holds outside
 * links is in `utils/page/unlinked-text.ts`, shared with the detector).
 */
import { countCjk } from '../page/cjk';
import { HEADING_TAGS, INLINE_TAGS } from '../page/tags';
import { SILENT_TAGS, textWalker } from '../page/unlinked-text';

/** Text that is never the article's running text: links, headings, navigation. */
const NOT_RUNNING_TEXT_TAGS = new Set<string>([
  ...SILENT_TAGS,
  'A',
  ...HEADING_TAGS,
  'NAV',
  'HEADER',
  'FOOTER',
  'BUTTON',
]);

const INLINE = new Set<string>(INLINE_TAGS);

/**
 * A block holding this many CJK characters outside links and headings is the article's running
 * text: longer than almost any title (long policy-document titles run to about 50 characters) and
 * than any meta line.
 */
const BODY_START_CHARACTERS = 60;

/** Stop looking for the body after this many text nodes: a huge page must stay cheap. */
const MAX_TEXT_NODES = 20_000;

function blockOf(node: Node): Element | null {
  let block = node.parentElement;
  while (block?.parentElement && INLINE.has(block.tagName)) block = block.parentElement;
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
