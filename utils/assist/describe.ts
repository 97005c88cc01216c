/**
 * What 指读 and the caption bar make of the element under the pointer: which element counts (the
 * link around a word, the cell, the paragraph) and what is said and shown for it. Plain DOM reading,
 * no layout, bounded work: at most `MAX_DEPTH` ancestors are looked at and at most `max` characters
 * of text are read, however big the page.
 */

import { HEADING_TAGS, NOT_TEXT_TAGS, RUBY_ANNOTATION_TAGS } from '../page/tags';
import { POINT_READ_MAX_TEXT } from './tools';

/** What is read, by kind: the words said before the text are the speech's own (Chinese voices). */
export type ReadableKind = 'link' | 'control' | 'image' | 'heading' | 'cell' | 'text';

export interface Readable {
  element: Element;
  kind: ReadableKind;
}

/** The role words said before an element's text (spoken in Chinese, as the voices are). */
export const SPOKEN_ROLES = {
  link: '链接，',
  button: '按钮，',
  image: '图片',
  checked: '已选中',
  unchecked: '未选中',
} as const;

/** How far up from the element under the pointer to look for a link, control or block. */
const MAX_DEPTH = 16;
/** An element with more children than this is a container, not a text (see readableAt). */
const MAX_CHILDREN = 40;
/** Text read from one element at most: a paragraph, never a whole page. */
export const MAX_TEXT = POINT_READ_MAX_TEXT;

const CONTROL_TAGS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY']);
const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'menuitem',
  'option',
]);
const HEADINGS = new Set<string>(HEADING_TAGS);
/**
 * Elements that hold a piece of prose to describe as text: narrower than the shared block tags (a
 * `<div>` or a `<table>` is a container, described by what is inside it), plus labels and legends.
 */
const PROSE_TAGS = new Set([
  'P',
  'LI',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'CAPTION',
  'PRE',
  'ADDRESS',
  'LEGEND',
  'LABEL',
]);
/** Never read: their text is not shown, or not prose. */
const SKIPPED_TAGS = new Set<string>([...NOT_TEXT_TAGS, 'HEAD', 'TITLE']);
/**
 * Left out of an element's text too: ruby annotations (a page's pinyin, or ours over the page), so
 * 指读 says the characters and the caption shows them, with its own pinyin when that is on.
 */
const NOT_READ_TAGS = new Set<string>([...SKIPPED_TAGS, ...RUBY_ANNOTATION_TAGS]);

/** The parent, stepping out of an open shadow root to its host (the page is read through them). */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode() as Node & { host?: Element };
  return root.host ?? null;
}

function kindOf(element: Element): ReadableKind | null {
  const tag = element.tagName.toUpperCase();
  const role = element.getAttribute('role');
  if ((tag === 'A' || tag === 'AREA') && element.hasAttribute('href')) return 'link';
  if (role === 'link') return 'link';
  if (CONTROL_TAGS.has(tag) || (role && CONTROL_ROLES.has(role))) {
    return tag === 'INPUT' && (element as HTMLInputElement).type === 'hidden' ? null : 'control';
  }
  if (tag === 'IMG' || tag === 'CANVAS' || tag === 'SVG' || role === 'img') return 'image';
  if (HEADINGS.has(tag) || role === 'heading') return 'heading';
  if (tag === 'TD' || tag === 'TH' || role === 'cell' || role === 'gridcell') return 'cell';
  if (PROSE_TAGS.has(tag)) return 'text';
  return null;
}

/** True for a node with text of its own (not only in its children): a bare `<div>` of prose. */
function hasOwnText(element: Element): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && /\S/.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * The element 指读 reads for the element under the pointer: a link or control around it wins
 * (a word in a link reads the link), else the nearest image, heading, cell or text block, else the
 * nearest element with text of its own. `ignore` is our own host: nothing in it is read.
 */
export function readableAt(start: Element | null, ignore?: Element | null): Readable | null {
  let block: Readable | null = null;
  let own: Element | null = null;
  let element = start;
  for (let depth = 0; element && depth < MAX_DEPTH; depth++, element = parentOf(element)) {
    if (element === ignore) return null;
    const tag = element.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') break;
    if (SKIPPED_TAGS.has(tag)) return null;
    const kind = kindOf(element);
    if (kind === 'link' || kind === 'control') return { element, kind };
    if (kind && !block) block = { element, kind };
    // A wrapper with stray text and the whole page inside is not "the text under the pointer".
    if (!own && !block && element.childElementCount <= MAX_CHILDREN && hasOwnText(element))
      own = element;
  }
  if (block) return block;
  return own ? { element: own, kind: 'text' } : null;
}

/**
 * The text of an element as shown, whitespace collapsed, at most `max` characters: text nodes in
 * order (open shadow roots included), images by their `alt`, hidden and script content and ruby
 * annotations skipped.
 */
export function textOf(root: Element, max = MAX_TEXT): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child && length < max; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        length += value.length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const tag = element.tagName.toUpperCase();
        if (NOT_READ_TAGS.has(tag) || element.hasAttribute('hidden')) continue;
        if (element.getAttribute('aria-hidden') === 'true') continue;
        if (tag === 'IMG') {
          const alt = element.getAttribute('alt')?.trim();
          if (alt) {
            parts.push(` ${alt} `);
            length += alt.length;
          }
          continue;
        }
        if (tag === 'BR') parts.push(' ');
        visit(shadowOf(element) ?? element);
      }
    }
  };
  visit(shadowOf(root) ?? root);
  return collapse(parts.join('')).slice(0, max);
}

/** An element's open shadow root: what it shows instead of its children. */
function shadowOf(element: Element): ShadowRoot | null {
  return (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** Whitespace runs become one space, and none is kept between two CJK characters. */
export function collapse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(
      /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu,
      '',
    )
    .trim();
}

/** An element's accessible name as far as the page gives it: aria-label, aria-labelledby, title. */
function labelOf(element: Element): string {
  const label = element.getAttribute('aria-label')?.trim();
  if (label) return collapse(label);
  const ids = element.getAttribute('aria-labelledby')?.trim();
  if (ids) {
    const document = element.ownerDocument;
    const named = ids
      .split(/\s+/)
      .slice(0, 8)
      .map((id) => document.getElementById(id))
      .filter((found): found is HTMLElement => found !== null)
      .map((found) => textOf(found, 200))
      .join(' ');
    if (named.trim()) return collapse(named);
  }
  return '';
}

/** A link's or image's name: its label, its text (images by alt), its title, else "图片". */
function nameOf(element: Element): string {
  const label = labelOf(element);
  if (label) return label;
  const tag = element.tagName.toUpperCase();
  if (tag === 'IMG' || tag === 'AREA') {
    const alt = element.getAttribute('alt')?.trim();
    if (alt) return collapse(alt);
  }
  const text = tag === 'IMG' || tag === 'CANVAS' ? '' : textOf(element);
  if (text) return text;
  const title = element.getAttribute('title')?.trim();
  if (title) return collapse(title);
  return SPOKEN_ROLES.image;
}

/** A form control's label: aria, its `<label>`s, the label around it, placeholder, value. */
function controlLabel(element: Element): string {
  const label = labelOf(element);
  if (label) return label;
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const text = Array.from(labels, (found) => textOf(found, 200)).join(' ');
    if (text.trim()) return collapse(text);
  }
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT') {
    const input = element as HTMLInputElement;
    if (['button', 'submit', 'reset'].includes(input.type) && input.value.trim())
      return collapse(input.value);
    if (input.type === 'image') return nameOf(element);
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY' || element.getAttribute('role')) {
    const text = textOf(element, 200);
    if (text) return text;
  }
  for (const attribute of ['placeholder', 'title']) {
    const value = element.getAttribute(attribute)?.trim();
    if (value) return collapse(value);
  }
  return '';
}

/** What a control is, said before its label (buttons only: a field's label says what it is). */
function controlText(element: Element): string {
  const label = controlLabel(element);
  const tag = element.tagName.toUpperCase();
  const type = tag === 'INPUT' ? (element as HTMLInputElement).type : '';
  const role = element.getAttribute('role') ?? '';
  if (type === 'checkbox' || type === 'radio' || role === 'checkbox' || role === 'radio') {
    const checked =
      (element as HTMLInputElement).checked === true ||
      element.getAttribute('aria-checked') === 'true';
    return `${label}，${checked ? SPOKEN_ROLES.checked : SPOKEN_ROLES.unchecked}`;
  }
  if (
    tag === 'BUTTON' ||
    role === 'button' ||
    ['button', 'submit', 'reset', 'image'].includes(type)
  ) {
    return `${SPOKEN_ROLES.button}${label}`;
  }
  return label;
}

/** The header of a cell's column: the first row's cell over the same column (colspans counted). */
export function columnHeaderOf(cell: Element): Element | null {
  const row = cell.parentElement;
  const table = cell.closest('table');
  if (!row || !table || cell.tagName.toUpperCase() === 'TH') return null;
  let column = 0;
  for (let sibling = row.firstElementChild; sibling && sibling !== cell; ) {
    column += (sibling as HTMLTableCellElement).colSpan || 1;
    sibling = sibling.nextElementSibling;
  }
  const headRow = (table as HTMLTableElement).tHead?.rows[0] ?? (table as HTMLTableElement).rows[0];
  if (!headRow || headRow === row) return null;
  let start = 0;
  for (const header of Array.from(headRow.cells)) {
    const span = header.colSpan || 1;
    if (column < start + span)
      return header.tagName.toUpperCase() === 'TH' ||
        headRow.parentElement?.tagName.toUpperCase() === 'THEAD'
        ? header
        : null;
    start += span;
  }
  return null;
}

export interface ReadableText {
  /** What the caption shows: the element's text. */
  shown: string;
  /** What is said: with its role ("链接，…") and a cell's column header. */
  spoken: string;
}

/** What is shown and said for an element 指读 found. */
export function describe({ element, kind }: Readable): ReadableText {
  switch (kind) {
    case 'link': {
      const name = nameOf(element);
      return { shown: name, spoken: `${SPOKEN_ROLES.link}${name}` };
    }
    case 'control': {
      const spoken = controlText(element);
      return { shown: spoken, spoken };
    }
    case 'image': {
      const name = nameOf(element);
      return { shown: name, spoken: name };
    }
    case 'cell': {
      const text = textOf(element);
      const header = columnHeaderOf(element);
      const heading = header ? textOf(header, 200) : '';
      return { shown: text, spoken: heading && text ? `${heading}，${text}` : text };
    }
    default: {
      const text = textOf(element);
      return { shown: text, spoken: text };
    }
  }
}
