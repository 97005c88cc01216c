/**
 * Cheap text signals of a page, CJK-aware: Chinese is counted in characters (no spaces between
 * words), and government articles are often many short paragraphs, so what counts is how much
 * running text sits outside links, not the length of any one `<p>`.
 */
import { countCjk, reachesCjk } from '../page/cjk';
import { INLINE_FORMATTING_TAGS, NOT_TEXT_TAGS } from '../page/tags';
import { unlinkedCjk } from '../page/unlinked-text';

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

/**
 * Inline elements: their text belongs to the block around them. Only the formatting ones here: the
 * detector's thresholds were tuned on the corpus with `<abbr>`, `<code>`, `<ruby>` and `<time>`
 * placing their text as blocks of their own (and links are non-content before they are inline).
 */
const INLINE = new Set<string>(INLINE_FORMATTING_TAGS);

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

/**
 * Verdicts already reached, by element: lists (are they headline lists?) and their items (is this
 * one a headline entry?). Many blocks share an item, and the item's length costs a read of it.
 */
type ListVerdicts = Map<Element, boolean>;

function isHeadlineListEntry(block: Element, verdicts: ListVerdicts): boolean {
  let item: Element | null = block;
  for (let depth = 0; item && item.tagName !== 'LI'; depth += 1)
    item = depth < HEADLINE_ITEM_DEPTH ? item.parentElement : null;
  const list = item?.parentElement;
  if (!item || !list) return false;
  const known = verdicts.get(item);
  if (known !== undefined) return known;
  const entry =
    holdsLink(item) &&
    isHeadlineList(list, verdicts) &&
    // Measured last: an item holding a whole page (some layouts) costs a long read.
    (item.textContent ?? '').replace(/\s+/g, '').length <= HEADLINE_ITEM_MAX_LENGTH;
  verdicts.set(item, entry);
  return entry;
}

function isHeadlineList(list: Element, verdicts: ListVerdicts): boolean {
  let verdict = verdicts.get(list);
  if (verdict === undefined) {
    let items = 0;
    let linked = 0;
    // Sibling links, not `children`: iterating a live collection is slow in jsdom.
    for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName !== 'LI') continue;
      items += 1;
      if (holdsLink(child)) linked += 1;
    }
    verdict = items >= HEADLINE_LIST_ITEMS && linked >= items * 0.75;
    verdicts.set(list, verdict);
  }
  return verdict;
}

/** A block found to be a list entry: its text stops counting as paragraphs. */
const LIST_ENTRY = Number.NEGATIVE_INFINITY;

/**
 * How much of a page the detector reads, at most: text nodes visited from the start,
 * characters of text kept from the start and read back from the end (where the footer markers
 * are). Far above any real article page (the corpus's largest has about 60,000 characters), so
 * those are read whole; a 10 MB page is not, and costs the detector a few milliseconds instead of
 * a long task (`body.textContent` alone takes 30-45 ms there in Chromium).
 */
const MAX_TEXT_NODES = 10_000;
const HEAD_CHARACTERS = 200_000;
const TAIL_CHARACTERS = 20_000;

/** A text node longer than this is checked for being code (inline scripts and styles). */
const LONG_TEXT = 200;
/** Elements whose content is not the page's text at all. */
const NOT_TEXT = new Set<string>(NOT_TEXT_TAGS);

export interface PageText {
  /** CJK characters of the largest block outside links. */
  longestBlock: number;
  /** CJK characters in blocks of at least PARAGRAPH_MIN_CHARACTERS. */
  paragraphCharacters: number;
  /** How many such blocks. */
  paragraphs: number;
  /** CJK characters outside links and navigation, in all. */
  contentCharacters: number;
  /** CJK characters of all the text read, links and navigation included. */
  allCharacters: number;
  /**
   * The text read, as `textContent` gives it but without long scripts and styles; on a huge page
   * its start and its end, joined by a line break.
   */
  text: string;
}

/** Where an element's text belongs: its block, and whether it is in links, navigation or code. */
interface Placement {
  block: Element;
  nonContent: boolean;
}

/**
 * Places elements, remembering each: the text nodes of a page share few parents, so each element
 * is looked at once, however many text nodes it holds.
 */
function placer(root: Element): (element: Element) => Placement {
  const rootPlacement: Placement = { block: root, nonContent: false };
  const placed = new Map<Element, Placement>([[root, rootPlacement]]);
  const unplaced: Element[] = [];
  return (element) => {
    let known = placed.get(element);
    if (known) return known;
    // Climb to the nearest placed ancestor (the root at worst), then place downwards: no recursion,
    // however deep the page nests.
    let up: Element | null = element;
    while (up && !known) {
      unplaced.push(up);
      up = up.parentElement;
      known = up ? placed.get(up) : rootPlacement;
    }
    let placement = known ?? rootPlacement;
    for (let next = unplaced.pop(); next; next = unplaced.pop()) {
      const tag = next.tagName;
      if (!placement.nonContent)
        placement = NON_CONTENT_TAGS.has(tag)
          ? { block: placement.block, nonContent: true }
          : INLINE.has(tag)
            ? placement
            : { block: next, nonContent: false };
      placed.set(next, placement);
    }
    return placement;
  };
}

/**
 * Reads the text of `root` in one pass: block by block for the running text outside links and
 * navigation, and whole for the publish line, the footer and the share of text in links. Stops
 * as soon as one block reaches `enoughBlock` characters: the caller then knows the page has
 * running text and needs nothing more (then only `longestBlock` is complete).
 *
 * The pass visits text nodes only (an iterator with no filter to call back, so the browser skips
 * elements natively), and places only the text that holds Chinese, by its parent element, each
 * element placed once: most text nodes of a page are the white space between tags.
 */
export function readPageText(root: Element, enoughBlock = Number.POSITIVE_INFINITY): PageText {
  // A NodeIterator, not a TreeWalker: the same nodes, and faster in jsdom.
  const walker = root.ownerDocument.createNodeIterator(root, 0x4 | 0x8 /* text and CDATA */);
  const place = placer(root);
  const blocks = new Map<Element, number>();
  const lists: ListVerdicts = new Map();
  const parts: string[] = [];
  let visited = 0;
  let kept = 0;
  let longestBlock = 0;
  let contentCharacters = 0;
  let allCharacters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited > MAX_TEXT_NODES) {
      parts.push('\n', tailText(root, TAIL_CHARACTERS));
      break;
    }
    let value = (node as CharacterData).data;
    // A script's or a style's code is not the page's text; only long texts are worth the check.
    if (value.length > LONG_TEXT && NOT_TEXT.has(node.parentElement?.tagName ?? '')) continue;
    if (kept < HEAD_CHARACTERS) {
      if (value.length > HEAD_CHARACTERS - kept) value = value.slice(0, HEAD_CHARACTERS - kept);
      parts.push(value);
      kept += value.length;
    } else value = value.slice(0, HEAD_CHARACTERS);
    const characters = countCjk(value);
    if (characters === 0) continue;
    allCharacters += characters;
    const parent = node.parentElement;
    const placement = parent ? place(parent) : undefined;
    if (!placement || placement.nonContent) continue;
    contentCharacters += characters;
    const block = placement.block;
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
  return {
    longestBlock,
    paragraphCharacters,
    paragraphs,
    contentCharacters,
    allCharacters,
    text: parts.join(''),
  };
}

/**
 * Where running text is usually found: paragraphs. `pre` too, since the walk above counts it as a
 * block. Collected by tag name and read by index: the cheapest way in both Chromium and jsdom
 * (where a selector list is matched element by element, and a live collection read by `item()` or
 * an iterator is slow).
 */
const PARAGRAPH_TAGS = ['p', 'pre'] as const;
/** Paragraphs looked at, at most: a 10 MB page of short ones must not cost a long task. */
const MAX_PARAGRAPHS_READ = 2_000;

/** What the paragraphs (`p`, `pre`) of a page say about its running text. */
export interface Paragraphs {
  /** A paragraph holding `enough` CJK characters outside links, if any (the first `p`, else `pre`). */
  running?: Element;
  /**
   * When none does: CJK characters outside links of the paragraphs of PARAGRAPH_MIN_CHARACTERS or
   * more, and how many they are (short notices are several one-sentence paragraphs).
   */
  characters: number;
  count: number;
}

/**
 * Reads the paragraphs of `root` that are article text (not inside navigation, a header or a
 * footer, nor an entry of a headline list) until one holds `enough` CJK characters outside links:
 * the cheap way to find running text on most article pages, before (and instead of) walking every
 * node. The shorter ones are vetted only when no paragraph is long enough.
 */
export function readParagraphs(root: Element, enough: number): Paragraphs {
  const lists: ListVerdicts = new Map();
  const found: Paragraphs = { characters: 0, count: 0 };
  const add = (characters: number) => {
    if (characters < PARAGRAPH_MIN_CHARACTERS) return;
    found.characters += characters;
    found.count += 1;
  };
  const short: { paragraph: Element; characters: number }[] = [];
  let budget = MAX_PARAGRAPHS_READ;
  for (const tag of PARAGRAPH_TAGS) {
    const paragraphs = root.getElementsByTagName(tag);
    const count = Math.min(paragraphs.length, budget);
    budget -= count;
    for (let i = 0; i < count; i += 1) {
      const paragraph = paragraphs[i] as Element;
      const text = paragraph.textContent ?? '';
      if (text.length < PARAGRAPH_MIN_CHARACTERS) continue;
      if (!reachesCjk(text, enough)) {
        const characters = countCjk(text);
        if (characters >= PARAGRAPH_MIN_CHARACTERS) short.push({ paragraph, characters });
        continue;
      }
      const characters = articleCharacters(paragraph, root, enough, enough - 1, lists);
      if (characters >= enough) {
        found.running = paragraph;
        return found;
      }
      add(characters);
    }
  }
  for (const { paragraph, characters } of short)
    add(articleCharacters(paragraph, root, characters, characters, lists));
  return found;
}

/**
 * CJK characters of `paragraph` outside links (of its `characters` in all, counted up to
 * `limit + 1`), or 0 when it is not article text: inside navigation, a header or a footer, or an
 * entry of a headline list.
 */
function articleCharacters(
  paragraph: Element,
  root: Element,
  characters: number,
  limit: number,
  lists: ListVerdicts,
): number {
  const unlinked = holdsLink(paragraph) ? unlinkedCjk(paragraph, limit) : characters;
  if (unlinked < PARAGRAPH_MIN_CHARACTERS) return unlinked;
  if (insideNonContent(paragraph, root) || isHeadlineListEntry(paragraph, lists)) return 0;
  return unlinked;
}

function insideNonContent(element: Element, root: Element): boolean {
  for (let up = element.parentElement; up && up !== root; up = up.parentElement)
    if (NON_CONTENT_TAGS.has(up.tagName)) return true;
  return false;
}

/** Nodes stepped over, at most, reading text backwards. */
const MAX_NODES_BACK = 2_000;

/**
 * Up to `characters` of the text at the end of `root`, in document order (scripts and styles left
 * out): where a huge page's footer markers are, read backwards from its last node.
 */
function tailText(root: Element, characters: number): string {
  const parts: string[] = [];
  let length = 0;
  let current: Node = root;
  // Going down to the last child (of `root` at first), or back to a previous sibling or up.
  let descend = true;
  for (let steps = 0; length < characters && steps < MAX_NODES_BACK; steps += 1) {
    let previous: Node | null;
    if (descend) previous = current.lastChild;
    else if (current.previousSibling) previous = current.previousSibling;
    else {
      const parent = current.parentNode;
      if (!parent || parent === root) break;
      current = parent;
      continue;
    }
    descend = false;
    if (!previous) break;
    current = previous;
    if (current.nodeType === 1) {
      descend = !NOT_TEXT.has((current as Element).tagName) && current.firstChild !== null;
    } else if (current.nodeType === 3 || current.nodeType === 4) {
      const value = (current as CharacterData).data;
      const part = value.slice(Math.max(0, value.length - (characters - length)));
      parts.push(part);
      length += part.length;
    }
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
