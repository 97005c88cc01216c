/**
 * The speech plan: what the reader says, in order, and which element each chunk belongs to. The
 * reader's article element is walked in document order (header card, then the body, then the
 * attachment list), one block per paragraph, heading, list item or table row (its cells read left
 * to right); ruby annotations, scripts, hidden elements and controls are never read.
 */
import type { Article } from '../extract/extract-article';
import { formatPublishedAt } from '../page/published-date';
import { BLOCK_TAGS, NOT_TEXT_TAGS, RUBY_ANNOTATION_TAGS } from '../page/tags';
import { chunkText } from './chunk';
import { toSpokenForm } from './spoken-forms';

export interface SpeechChunk {
  /** What the voice is given (spoken forms applied). */
  spoken: string;
  /** Index into `SpeechPlan.blocks`: the element to highlight while this chunk is read. */
  block: number;
}

export interface SpeechPlan<E = Element> {
  /** Elements in reading order; a chunk points at one by index. */
  blocks: E[];
  chunks: SpeechChunk[];
  /** The text's language (zh-Hans, zh-Hant, zh-HK …), for choosing the voice. */
  lang?: string;
}

/** Never read: ruby annotations, code, media, form controls, and anything hidden. */
const SILENT = new Set<string>([
  ...RUBY_ANNOTATION_TAGS,
  ...NOT_TEXT_TAGS,
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'SVG',
  'IMG',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'OBJECT',
  'NAV',
]);

/**
 * Elements that start a new block of their own: the shared blocks, and, since speech highlights the
 * block it reads, the landmarks, forms and table parts around text too (a cell is read as part of
 * its row, but a row's cells must not run into the text beside the table).
 */
const BLOCK = new Set<string>([
  ...BLOCK_TAGS,
  'DETAILS',
  'FIELDSET',
  'FOOTER',
  'FORM',
  'HEADER',
  'MAIN',
  'SUMMARY',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
]);

/** A piece of text to read and the element that shows it. */
export interface TextBlock<E = Element> {
  element: E;
  text: string;
}

/**
 * The text blocks of `root` in reading order. An element with no block inside it is one block; one
 * that mixes text and blocks gives a block (on itself) for each run of loose text between them. A
 * table row is one block, its cells joined with pauses, so a fee table is read row by row.
 */
export function textBlocksOf(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  walk(root, blocks);
  return blocks;
}

function walk(element: Element, blocks: TextBlock[]): void {
  if (isSilent(element)) return;
  if (element.tagName === 'TR') {
    const cells = [...element.children]
      .filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH')
      .map((cell) => readableText(cell).trim())
      .filter(Boolean);
    if (cells.length > 0) blocks.push({ element, text: cells.map(withPause).join('') });
    return;
  }
  if (!hasBlockInside(element)) {
    const text = readableText(element);
    if (text.trim()) blocks.push({ element, text });
    return;
  }
  let loose = '';
  const flush = () => {
    if (loose.trim()) blocks.push({ element, text: loose });
    loose = '';
  };
  for (const child of element.childNodes) {
    if (child.nodeType === 3) loose += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const childElement = child as Element;
      if (isBlock(childElement)) {
        flush();
        walk(childElement, blocks);
      } else if (!isSilent(childElement)) {
        loose += readableText(childElement);
      }
    }
  }
  flush();
}

/** A cell's text followed by a pause unless it already ends in one. */
function withPause(cell: string): string {
  return /[，。；：！？、,.;:!?]$/.test(cell) ? cell : `${cell}，`;
}

function isBlock(element: Element): boolean {
  return BLOCK.has(element.tagName.toUpperCase()) || element.tagName === 'BR';
}

function hasBlockInside(element: Element): boolean {
  for (const child of element.children) {
    if (isSilent(child)) continue;
    if (isBlock(child) || hasBlockInside(child)) return true;
  }
  return false;
}

function isSilent(element: Element): boolean {
  return (
    SILENT.has(element.tagName.toUpperCase()) ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.getAttribute('data-speech') === 'skip'
  );
}

/** The text a reader would hear: text nodes without the silent elements' text. */
function readableText(element: Element): string {
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1 && !isSilent(child as Element)) {
      text += readableText(child as Element);
    }
  }
  return text;
}

/** Blocks → chunks: spoken forms first, then chunks of at most 80 characters each. */
export function planOfBlocks<E>(blocks: TextBlock<E>[], lang?: string): SpeechPlan<E> {
  const plan: SpeechPlan<E> = { blocks: [], chunks: [], ...(lang && { lang }) };
  for (const { element, text } of blocks) {
    // The header card's " · " between site, date and source is a pause.
    const chunks = chunkText(toSpokenForm(text.replace(/\s+[·•]\s+/g, '，')));
    if (chunks.length === 0) continue;
    const block = plan.blocks.push(element) - 1;
    for (const spoken of chunks) plan.chunks.push({ spoken, block });
  }
  return plan;
}

/**
 * The plan for the reader's article element (inside its shadow root): the header card, the body
 * and the attachment list, read as shown. `lang` comes from the element's `lang` when not given.
 */
export function speechPlanOf(article: Element, lang?: string): SpeechPlan {
  const ownLang = lang ?? article.closest('[lang]')?.getAttribute('lang') ?? undefined;
  return planOfBlocks(textBlocksOf(article), ownLang);
}

/**
 * The elements of `shown` at the same places as `blocks` are in `original`: the plan is read from
 * the reader's private copy of the article, and its blocks are highlighted in the overlay, which
 * has the same structure (both drawn from one article, converted alike). One walk over both trees,
 * pairing children by position; where the two differ (the page changed the overlay) a block keeps
 * its copy's element, which nobody sees highlighted, and nothing else goes wrong.
 */
export function matchBlocks(blocks: Element[], original: Element, shown: Element): Element[] {
  const wanted = new Set(blocks);
  const found = new Map<Element, Element>();
  const pairs: [Element, Element][] = [[original, shown]];
  for (let pair = pairs.pop(); pair && found.size < wanted.size; pair = pairs.pop()) {
    const [from, to] = pair;
    if (from.tagName !== to.tagName) continue;
    if (wanted.has(from)) found.set(from, to);
    const count = Math.min(from.children.length, to.children.length);
    for (let index = 0; index < count; index += 1)
      pairs.push([from.children[index] as Element, to.children[index] as Element]);
  }
  return blocks.map((block) => found.get(block) ?? block);
}

/** Words the Node plan says where the reader shows localized labels. */
export interface HeaderLabels {
  published: (date: string) => string;
  source: (source: string) => string;
  docNumber: (docNumber: string) => string;
  attachments: string;
}

export const CHINESE_LABELS: HeaderLabels = {
  published: (date) => `发布时间：${date}`,
  source: (source) => `来源：${source}`,
  docNumber: (docNumber) => `文号：${docNumber}`,
  attachments: '附件',
};

/**
 * The chunks the reader would say for an extracted article, without a reader: title, site, date
 * and source (the header card's line), body, then the attachments announced as such. For `inspect --json` and tests in Node;
 * `doc` only parses the body's HTML (any Document, jsdom's included).
 */
export function speechChunksOf(
  article: Article,
  doc: Document,
  labels: HeaderLabels = CHINESE_LABELS,
): string[] {
  const body = doc.createElement('div');
  body.innerHTML = article.contentHtml;
  const details = [
    article.siteName,
    article.docNumber && labels.docNumber(article.docNumber),
    article.publishedAt && labels.published(formatPublishedAt(article.publishedAt)),
    article.source && labels.source(article.source),
  ].filter(Boolean);
  const blocks: TextBlock<null>[] = [
    { element: null, text: article.title },
    { element: null, text: details.join('，') },
    ...textBlocksOf(body).map(({ text }) => ({ element: null, text })),
  ];
  if (article.attachments.length > 0) {
    blocks.push({ element: null, text: labels.attachments });
    for (const attachment of article.attachments)
      blocks.push({ element: null, text: attachment.name });
  }
  return planOfBlocks(blocks, article.lang).chunks.map((chunk) => chunk.spoken);
}
