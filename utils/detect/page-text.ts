/**
 * Cheap text signals of a page, CJK-aware: Chinese is counted in characters (no spaces between
 * words), and government articles are often many short paragraphs, so what counts is how much
 * running text sits outside links, not the length of any one `<p>`.
 */
import { countCjk } from '../cjk';

/** Elements whose text is never article text: links, scripts, controls and page navigation. */
const NON_CONTENT_TAGS = new Set([
  'A',
  'BUTTON',
  'FOOTER',
  'HEADER',
  'IFRAME',
  'NAV',
  'NOSCRIPT',
  'OPTION',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'TEXTAREA',
]);

/** Inline elements: their text belongs to the block around them. */
const INLINE_TAGS = new Set([
  'B',
  'BIG',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'U',
]);

/** A block with this many characters is a real paragraph, not a caption or a menu item. */
export const PARAGRAPH_MIN_CHARACTERS = 20;

/**
 * A list page's entries may carry summaries as long as an article's paragraphs (a forum's thread
 * list, a news column with leads). A block inside a list item is such an entry when the item is
 * short, has its headline link, and the list has at least HEADLINE_LIST_ITEMS items, nearly all of
 * them with a link.
 */
const HEADLINE_LIST_ITEMS = 4;
const HEADLINE_ITEM_MAX_LENGTH = 600;

/** Whether `element` holds a link. A plain walk: jsdom's selector engine costs more than it. */
function holdsLink(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling)
    if (child.tagName === 'A' || holdsLink(child)) return true;
  return false;
}

/** How far above a summary its list item may be (title, text and image wrappers in between). */
const HEADLINE_ITEM_DEPTH = 6;

function isHeadlineListEntry(block: Element, lists: Map<Element, boolean>): boolean {
  let item: Element | null = block;
  for (let depth = 0; item && item.tagName !== 'LI'; depth += 1)
    item = depth < HEADLINE_ITEM_DEPTH ? item.parentElement : null;
  const list = item?.parentElement;
  if (!item || !list || !holdsLink(item)) return false;
  let verdict = lists.get(list);
  if (verdict === undefined) {
    let items = 0;
    let linked = 0;
    for (const child of list.children) {
      if (child.tagName !== 'LI') continue;
      items += 1;
      if (holdsLink(child)) linked += 1;
    }
    verdict = items >= HEADLINE_LIST_ITEMS && linked >= items * 0.75;
    lists.set(list, verdict);
  }
  // Measured last: an item holding a whole page (some layouts) costs a long read.
  return verdict && (item.textContent ?? '').replace(/\s+/g, '').length <= HEADLINE_ITEM_MAX_LENGTH;
}

/** A block found to be a list entry: its text stops counting as paragraphs. */
const LIST_ENTRY = Number.NEGATIVE_INFINITY;

/**
 * Stop counting past this many nodes: a page that has shown no article text by then is not made
 * an article by what follows, and a 50,000-node page must not cost the detector a long task.
 */
const MAX_NODES_VISITED = 15_000;

export interface TextBlocks {
  /** CJK characters of the largest block outside links. */
  longestBlock: number;
  /** CJK characters in blocks of at least PARAGRAPH_MIN_CHARACTERS. */
  paragraphCharacters: number;
  /** How many such blocks. */
  paragraphs: number;

  /** CJK characters outside links and navigation, in all. */
  contentCharacters: number;
}

/**
 * Measures the running text of `root`, block by block, skipping links and navigation. Stops as soon
 * as one block reaches `enoughBlock` characters: the caller needs no more to know the page has
 * running text (then only `longestBlock` is complete).
 */
export function measureTextBlocks(
  root: Element,
  enoughBlock = Number.POSITIVE_INFINITY,
): TextBlocks {
  const doc = root.ownerDocument;
  const blocks = new Map<Element, number>();
  const lists = new Map<Element, boolean>();
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */, {
    acceptNode: (node) =>
      node.nodeType === 1 && NON_CONTENT_TAGS.has((node as Element).tagName)
        ? 2 /* FILTER_REJECT: skip the subtree */
        : 1,
  });
  let visited = 0;
  let longestBlock = 0;
  let contentCharacters = 0;
  for (
    let node = walker.nextNode();
    node && visited < MAX_NODES_VISITED;
    node = walker.nextNode()
  ) {
    visited += 1;
    if (node.nodeType !== 3) continue;
    const characters = countCjk(node.nodeValue ?? '');
    if (characters === 0) continue;
    contentCharacters += characters;
    let block = node.parentElement;
    while (block && INLINE_TAGS.has(block.tagName) && block.parentElement)
      block = block.parentElement;
    if (!block) continue;
    const before = blocks.get(block) ?? 0;
    let total = before + characters;
    // Checked once a block is long enough to count as a paragraph.
    if (before < PARAGRAPH_MIN_CHARACTERS && total >= PARAGRAPH_MIN_CHARACTERS)
      if (isHeadlineListEntry(block, lists)) total = LIST_ENTRY;
    blocks.set(block, total);
    if (total > longestBlock) longestBlock = total;
    if (longestBlock >= enoughBlock) break;
  }
  let paragraphCharacters = 0;
  let paragraphs = 0;
  for (const total of blocks.values()) {
    if (total >= PARAGRAPH_MIN_CHARACTERS) {
      paragraphCharacters += total;
      paragraphs += 1;
    }
  }
  return { longestBlock, paragraphCharacters, paragraphs, contentCharacters };
}

/**
 * How much of a page's text the detector reads from its start, and from its end (where the footer
 * markers are), in characters and in text nodes. Far above any real article page (the corpus's
 * largest is about 60,000 characters), so those are read whole; a 10 MB page is not, and costs
 * the detector a few milliseconds instead of a long task (`body.textContent` alone takes 30-45 ms
 * there in Chromium, counting its characters far more).
 */
const HEAD_TEXT = { characters: 200_000, nodes: 10_000 };
const TAIL_TEXT = { characters: 20_000, nodes: 1_000 };

/**
 * The text of `root` as `textContent` gives it, but on a huge page only its first and last parts,
 * joined by a line break.
 */
export function boundedText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 | 0x8 /* text and CDATA */);
  let head = '';
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    head += (node.nodeValue ?? '').slice(0, HEAD_TEXT.characters - head.length);
    nodes += 1;
    if (head.length >= HEAD_TEXT.characters || nodes >= HEAD_TEXT.nodes) {
      return `${head}\n${tailText(root, walker, node)}`;
    }
  }
  return head;
}

/** The last part of `root`'s text, back to (not including) `stop`, where the head ended. */
function tailText(root: Element, walker: TreeWalker, stop: Node): string {
  let last: Node = root;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  const parts: string[] = [];
  let characters = 0;
  let node: Node | null = last.nodeType === 3 || last.nodeType === 4 ? last : walker.previousNode();
  while (node && node !== stop && parts.length < TAIL_TEXT.nodes) {
    const value = node.nodeValue ?? '';
    const part = value.slice(Math.max(0, value.length - (TAIL_TEXT.characters - characters)));
    parts.push(part);
    characters += part.length;
    if (characters >= TAIL_TEXT.characters) break;
    node = walker.previousNode();
  }
  return parts.reverse().join('');
}

/**
 * Footer markers every mainland government site must print (2017 guidelines): the site
 * identification code, the ICP filing number, the public-security filing number.
 */
export const GOV_FOOTER_MARKER = /网站标识码|ICP\s*备|公网安备/;

/** The meta line under an article's title: "发布时间：2021-03-02", "时间:2021-03-02", "日期：2021年3月2日". */
export const PUBLISH_LINE =
  /(?:发布|发稿|成文|更新)?(?:时间|日期)\s*[:：]\s*\d{4}\s*[-年./]\s*\d{1,2}/;
