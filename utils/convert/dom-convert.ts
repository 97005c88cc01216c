/**
 * Converting a page, or part of one, and putting back exactly what was there (issue 5).
 *
 * - A phrase split by inline tags converts as a phrase: the text nodes of one inline run (a
 *   paragraph's text, through `<b>`, `<a>`, `<span>`…) are converted as one string, and the output
 *   is shared back out to the same nodes by the converter's alignment, so `头<b>发</b>` becomes
 *   `頭<b>髮</b>`, not `頭<b>發</b>`.
 * - Text, the `title`, `alt`, `placeholder` and `aria-label` attributes, and `lang` are changed in
 *   place; nothing is added, removed or moved. Each original is kept, so `restore()` puts back what
 *   was there, not a back-conversion (什么 → 什麼 → 什么 is not an identity), and leaves alone
 *   whatever the page itself changed since.
 * - Never touched: form fields (their values are the user's), contenteditable regions, code,
 *   scripts and styles, text marked `translate="no"` or in another language (`lang="ja"`), and ruby
 *   annotations (`<rt>`, `<rp>`: they give the sound of the original characters).
 */
import { NOT_TEXT_TAGS } from '../page/tags';
import { LANG_TAG } from './scripts';
import type { TextConverter } from './text-converter';

export interface ConversionHandle {
  /** Puts back every original this conversion replaced, and stops watching the page. */
  restore(): void;
}

/** Attributes whose text a reader sees or hears. */
export const CONVERTED_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'] as const;

/** Elements whose whole subtree is left alone: not text a reader reads, or not ours to change. */
const UNTOUCHED = new Set<string>([
  ...NOT_TEXT_TAGS,
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'svg',
  'MATH',
  'math',
  // Ruby annotations: the sound of the characters they annotate, which conversion does not change.
  'RT',
  'RP',
]);

/** Elements whose text is left alone, though their own attributes (a placeholder) are converted. */
export const TEXT_UNTOUCHED = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'DATALIST',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
]);

/**
 * Inline elements a phrase may run through. Any other element (a paragraph, a list item, a `<br>`,
 * an image) ends the run, so text on either side of it is converted apart. Wider than the shared
 * INLINE_TAGS (utils/page/tags.ts) by the rarer phrasing elements a phrase may cross, and without
 * `<code>`, whose text conversion leaves alone (TEXT_UNTOUCHED).
 */
export const INLINE = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RUBY',
  'RB',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
]);

/**
 * A page that puts back the original each time a node is converted (a framework re-rendering from
 * its own state) would make the observer convert it forever; after this many reverts the node is
 * left as the page wants it.
 */
const MAX_REVERTS = 20;

/** Work the observer does in one go before yielding to the page, in milliseconds. */
const SLICE_BUDGET_MS = 8;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface Written {
  original: string;
  written: string;
}

/** Converts the text of `root` and its attributes, and sets its `lang` to the target script's. */
export function convertSubtree(root: Element, converter: TextConverter): ConversionHandle {
  const session = new ConversionSession(converter, root);
  // Text already in the target script is left as it is, but says which script it is shown in.
  session.setRootLang(root);
  if (converter.identity) return session;
  session.convertRuns(root, true);
  return session;
}

export interface PageConversionOptions {
  /** Convert what the page adds or changes later (default true). */
  observe?: boolean;
  /** How the observer defers its work; the default yields to the page with `setTimeout`. */
  schedule?: (work: () => void) => void;
}

/**
 * Converts a whole page: the body, the document title and the root's `lang`, and (unless told
 * otherwise) whatever the page adds or changes later, in small batches that cannot loop on the
 * converter's own changes.
 */
export function convertPage(
  document: Document,
  converter: TextConverter,
  options: PageConversionOptions = {},
): ConversionHandle {
  const root = document.documentElement;
  const session = new ConversionSession(converter, root);
  session.setRootLang(root);
  if (converter.identity) return session;
  const title = document.head?.querySelector('title');
  if (title) session.convertRuns(title, true);
  if (document.body) session.convertRuns(document.body, true);
  const Observer = document.defaultView?.MutationObserver;
  if (options.observe !== false && Observer)
    session.observe(Observer, options.schedule ?? ((work) => setTimeout(work, 0)));
  return session;
}

class ConversionSession implements ConversionHandle {
  private readonly texts = new Map<Text, Written>();
  private readonly attributes = new Map<Element, Map<string, Written>>();
  private readonly langs = new Map<Element, Written | { original: null; written: string }>();
  private readonly reverts = new WeakMap<Node, number>();
  private readonly targetLang: string;
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private pendingAttributes = new Set<Element>();
  private scheduled = false;
  private schedule: (work: () => void) => void = () => {};
  private stopped = false;

  constructor(
    private readonly converter: TextConverter,
    private readonly root: Element,
  ) {
    this.targetLang = LANG_TAG[converter.to];
  }

  setRootLang(element: Element): void {
    const original = element.getAttribute('lang');
    if (original === this.targetLang) return;
    this.langs.set(element, { original, written: this.targetLang });
    element.setAttribute('lang', this.targetLang);
  }

  /**
   * Converts the inline runs of text under `container`. With `deep`, also every block inside it;
   * without, only the runs that belong to `container` itself (its text and its inline elements').
   */
  convertRuns(container: Element, deep: boolean): void {
    let run: Text[] = [];
    const flush = () => {
      if (run.length > 0) this.convertRun(run);
      run = [];
    };
    const walk = (parent: Element) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === TEXT_NODE) {
          run.push(node as Text);
          continue;
        }
        if (node.nodeType !== ELEMENT_NODE) continue;
        const element = node as Element;
        const tag = element.tagName;
        if (tag === 'RT' || tag === 'RP') continue; // annotations: skipped, the run goes on
        if (isUntouched(element)) {
          flush();
          continue;
        }
        this.convertAttributes(element);
        if (TEXT_UNTOUCHED.has(tag)) {
          flush();
          continue;
        }
        if (INLINE.has(tag)) {
          walk(element);
        } else {
          flush();
          if (deep) walk(element);
          flush();
        }
      }
    };
    if (container === this.root || !isUntouched(container)) {
      if (container !== this.root) this.convertAttributes(container);
      if (!TEXT_UNTOUCHED.has(container.tagName)) walk(container);
    }
    flush();
  }

  /** Converts one run of text nodes as one string and gives each node its share of the output. */
  private convertRun(nodes: Text[]): void {
    const sources = nodes.map((node) => this.sourceOf(node));
    if (nodes.length === 1) {
      this.write(
        nodes[0] as Text,
        sources[0] as string,
        this.converter.convert(sources[0] as string),
      );
      return;
    }
    const aligned = this.converter.convertAligned(sources.join(''));
    let inputEnd = 0;
    let outputStart = 0;
    nodes.forEach((node, index) => {
      inputEnd += (sources[index] as string).length;
      const outputEnd =
        index === nodes.length - 1 ? aligned.text.length : aligned.outputOffset(inputEnd);
      this.write(node, sources[index] as string, aligned.text.slice(outputStart, outputEnd));
      outputStart = outputEnd;
    });
  }

  /** The text a node had before any conversion: kept if we wrote it, else what it has now. */
  private sourceOf(node: Text): string {
    const written = this.texts.get(node);
    return written && node.data === written.written ? written.original : node.data;
  }

  private write(node: Text, source: string, converted: string): void {
    if (converted === source) {
      if (node.data !== source) node.data = source;
      this.texts.delete(node);
      return;
    }
    if (node.data !== converted) node.data = converted;
    this.texts.set(node, { original: source, written: converted });
  }

  private convertAttributes(element: Element): void {
    // Most elements have no attributes at all; asking for seven of them one by one is slow in jsdom.
    if (!element.hasAttributes()) return;
    for (const name of CONVERTED_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (!value) continue;
      const kept = this.attributes.get(element)?.get(name);
      const source = kept && value === kept.written ? kept.original : value;
      const converted = this.converter.convert(source);
      if (converted === source) continue;
      if (value !== converted) element.setAttribute(name, converted);
      let perElement = this.attributes.get(element);
      if (!perElement) {
        perElement = new Map();
        this.attributes.set(element, perElement);
      }
      perElement.set(name, { original: source, written: converted });
    }
    const lang = element.getAttribute('lang');
    if (lang && isChineseLang(lang) && lang !== this.targetLang && element !== this.root) {
      this.langs.set(element, { original: lang, written: this.targetLang });
      element.setAttribute('lang', this.targetLang);
    }
  }

  observe(Observer: typeof MutationObserver, schedule: (work: () => void) => void): void {
    this.schedule = schedule;
    this.observer = new Observer((records) => this.collect(records));
    this.observer.observe(this.root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...CONVERTED_ATTRIBUTES],
    });
  }

  /** Notes what the page changed; our own writes are recognized and dropped. */
  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target as Text;
        const written = this.texts.get(node);
        if (written && node.data === written.written) continue;
        if (!written || node.data !== written.original || this.countRevert(node))
          this.pending.add(node);
      } else if (record.type === 'attributes') {
        const element = record.target as Element;
        const name = record.attributeName ?? '';
        const kept = this.attributes.get(element)?.get(name);
        const value = element.getAttribute(name);
        if (kept && value === kept.written) continue;
        if (!kept || value !== kept.original || this.countRevert(element))
          this.pendingAttributes.add(element);
      } else {
        for (const node of record.addedNodes) this.pending.add(node);
      }
    }
    if (!this.scheduled && (this.pending.size > 0 || this.pendingAttributes.size > 0)) {
      this.scheduled = true;
      this.schedule(() => this.work());
    }
  }

  /** Counts the page putting back a node's original; false once it has done so too often. */
  private countRevert(node: Node): boolean {
    const reverts = (this.reverts.get(node) ?? 0) + 1;
    this.reverts.set(node, reverts);
    return reverts <= MAX_REVERTS;
  }

  /** Converts what the page changed, a slice at a time; drops the records of its own writes. */
  private work(): void {
    this.scheduled = false;
    if (this.stopped || !this.observer) return;
    this.collect(this.observer.takeRecords());
    const started = performance.now();
    for (const element of this.pendingAttributes) {
      this.pendingAttributes.delete(element);
      if (element.isConnected && this.isConvertibleInside(element)) this.convertAttributes(element);
    }
    const blocksDone = new Set<Element>();
    for (const node of this.pending) {
      this.pending.delete(node);
      const parent = node.parentElement;
      if (!node.isConnected || !parent || !this.root.contains(node)) continue;
      if (!this.isConvertibleInside(parent)) continue;
      if (node.nodeType === ELEMENT_NODE) this.convertRuns(node as Element, true);
      if (node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE) continue;
      // The new text may continue a phrase of its neighbours: convert its whole run again.
      const block = this.blockOf(parent);
      if (!blocksDone.has(block)) {
        blocksDone.add(block);
        this.convertRuns(block, false);
      }
      if (performance.now() - started > SLICE_BUDGET_MS) break;
    }
    // Every record queued now comes from the writes above: the page cannot run in between.
    this.observer.takeRecords();
    if (this.pending.size > 0) {
      this.scheduled = true;
      this.schedule(() => this.work());
    }
  }

  /** The element whose own runs hold text inside `element`: its nearest non-inline ancestor. */
  private blockOf(element: Element): Element {
    let block = element;
    while (block !== this.root && INLINE.has(block.tagName) && block.parentElement)
      block = block.parentElement;
    return block;
  }

  /** False inside anything conversion leaves alone (a form field, code, an editor, `lang="ja"`). */
  private isConvertibleInside(element: Element): boolean {
    return isWritableInside(element, this.root);
  }

  restore(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    this.pendingAttributes.clear();
    for (const [node, { original, written }] of this.texts)
      if (node.data === written) node.data = original;
    for (const [element, perElement] of this.attributes)
      for (const [name, { original, written }] of perElement)
        if (element.getAttribute(name) === written) element.setAttribute(name, original);
    for (const [element, { original, written }] of this.langs) {
      if (element.getAttribute('lang') !== written) continue;
      if (original === null) element.removeAttribute('lang');
      else element.setAttribute('lang', original);
    }
    this.texts.clear();
    this.attributes.clear();
    this.langs.clear();
  }
}

/**
 * Whether text in `element` (within `root`) may be rewritten: false inside anything left alone
 * (a form field, code, an editor, `translate="no"`), under a nearest `lang` that is not Chinese,
 * inside anything `alsoLeftAlone` names (pinyin's: an existing ruby), or outside `root`. Walks up
 * the ancestors once; shared by conversion and pinyin.
 */
export function isWritableInside(
  element: Element,
  root: Element,
  alsoLeftAlone?: (element: Element) => boolean,
): boolean {
  let langSeen = false;
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (isUntouched(at) || TEXT_UNTOUCHED.has(at.tagName) || alsoLeftAlone?.(at)) return false;
    if (!langSeen && at.hasAttribute('lang')) {
      langSeen = true;
      if (!isChineseLang(at.getAttribute('lang') ?? '')) return false;
    }
    if (at === root) return true;
  }
  return false;
}

/** True for an element whose whole subtree is left alone (shared with pinyin's walker). */
export function isUntouched(element: Element): boolean {
  if (UNTOUCHED.has(element.tagName)) return true;
  if (!element.hasAttributes()) return false;
  if (element.getAttribute('translate') === 'no') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const lang = element.getAttribute('lang');
  return lang !== null && lang !== '' && !isChineseLang(lang);
}

export function isChineseLang(lang: string): boolean {
  return /^zh(-|$)/i.test(lang);
}
