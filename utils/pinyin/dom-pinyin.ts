/**
 * Pinyin over the text of a page or of the reader (issue 14): each annotated character becomes the
 * base of a plain `<ruby>` with its reading in an `<rt>`, and `restore()` puts back exactly what was
 * there.
 *
 * - The same walker rules as the script conversion (utils/convert/dom-convert.ts): never form
 *   fields, editors, code, `<pre>`, scripts, text in another language or marked `translate="no"`.
 *   A `<ruby>` already on the page (a portal toolbar's pinyin) is left alone, so nothing is
 *   annotated twice.
 * - A phrase split by inline tags is read as a phrase (银<b>行</b>行长): the text nodes of one
 *   inline run are read as one string.
 * - Only text nodes are replaced, each by the text and rubies it becomes; the node itself is kept,
 *   and put back in their place on restore, so the DOM is the same nodes afterwards, not copies.
 * - Work is done in slices of a few milliseconds, so a 200,000-character page never holds the page
 *   for long; what the page adds later is annotated too (unless told otherwise).
 * - `<rt>` cannot be selected (`user-select: none`), so copying gives the characters alone, and the
 *   speech plan (utils/speech/plan.ts) never reads `<rt>`.
 */
import { INLINE, isUntouched, isWritableInside, TEXT_UNTOUCHED } from '../convert/dom-convert';
import type { Reading } from './readings';

/** Reads one run of text: one reading or null per UTF-16 unit (readings.ts `readText`). */
export type ReadRun = (text: string) => Reading[];

export interface PinyinHandle {
  /** Settles once the text there was when annotation began has been annotated (or restored). */
  readonly done: Promise<void>;
  /** Puts back every text node this annotation replaced, and stops watching. */
  restore(): void;
}

export interface AnnotateOptions {
  /** Annotate what the page adds or changes later (default: true for a page, false for a subtree). */
  observe?: boolean;
  /**
   * How slices are run. By default the first runs in a task of its own as soon as may be (`soon`),
   * and each later one once the browser has laid out and painted what the slice before put in
   * (`afterNextFrame`).
   */
  schedule?: (work: () => void) => void;
  /** Longest slice of work in one go, in milliseconds (default 25). */
  sliceMs?: number;
  /** Most characters given a reading in one slice (default `FRAME_RUBIES`). */
  sliceRubies?: number;
  /**
   * Whether each `<rt>` carries `user-select: none` itself (default true: a page has no stylesheet
   * of ours). The reader's stylesheet says it for its article, and a style declaration per `<rt>`
   * to build, and then to match, is a good part of the work on a long article.
   */
  inlineUnselectable?: boolean;
}

/** Marks our rubies, so our own work is told from the page's. */
export const PINYIN_ATTRIBUTE = 'data-yidu-pinyin';

/**
 * A slice's work, in milliseconds: well under the 50 ms of a long task, and long enough that the
 * browser lays the text out again (rubies change every line's height) a few times, not dozens.
 */
const SLICE_MS = 25;
/**
 * Characters given a reading in one slice, at most. Laying rubies out costs the browser more than
 * building them costs us (Chromium on the shared 2-core bench machine: several µs a ruby against
 * about 1 µs to read and build it), in the frame after the slice; on a long page, slices this
 * size with a frame between them keep that frame's task under 50 ms there. An article of the
 * issue's 5,000 characters is one slice.
 */
const FRAME_RUBIES = 6000;
/** Where no frame comes (a hidden tab), the next slice runs after this many milliseconds. */
const FRAME_FALLBACK_MS = 50;
/** Characters read in one go: a 200,000-character text node is read (and wrapped) in pieces. */
const CHUNK = 2000;
/**
 * Characters wrapped between two looks at the clock (a long text node is put in a piece at a time
 * when its slice's time is up; jsdom takes ~15 ms for 32 characters), and the most one ruby holds.
 */
const WRAP_CHUNK = 32;
/** Reverts by the page after which a node is left as the page wants it (as dom-convert does). */
const MAX_REVERTS = 20;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Annotates the text under `root` (the reader's article). */
export function annotateSubtree(
  root: Element,
  read: ReadRun,
  options: AnnotateOptions = {},
): PinyinHandle {
  const session = new PinyinSession(root, read, options);
  session.start([root], options.observe ?? false);
  return session;
}

/**
 * The attribute the reader's article carries while annotated, so its stylesheet grows the line
 * height with one attribute selector (`:has(ruby)` would be matched again at every ruby added).
 */
export const ANNOTATED_ATTRIBUTE = 'data-pinyin';

/** Annotates the page's body and what the page adds to it later. */
export function annotatePage(
  document: Document,
  read: ReadRun,
  options: AnnotateOptions = {},
): PinyinHandle {
  const root = document.body ?? document.documentElement;
  const session = new PinyinSession(root, read, options);
  session.start([root], options.observe ?? true);
  return session;
}

interface Replaced {
  /** The page's text node, out of the DOM while annotated. */
  original: Text;
  /** What stands in its place, in order. */
  inserted: Node[];
}

class PinyinSession implements PinyinHandle {
  readonly done: Promise<void>;
  private resolveDone: () => void = () => {};
  private readonly replaced = new Map<Text, Replaced>();
  /** Our text nodes and rubies, to tell the page's changes from ours. */
  private readonly ours = new WeakSet<Node>();
  private readonly reverts = new WeakMap<Node, number>();
  private readonly queue: Element[] = [];
  private readonly pending = new Set<Node>();
  private current: Iterator<void> | null = null;
  private observer: MutationObserver | null = null;
  private scheduled = false;
  private stopped = false;
  private initialDone = false;
  private readonly schedule: (work: () => void) => void;
  private readonly scheduleFirst: (work: () => void) => void;
  private readonly sliceMs: number;
  private readonly sliceRubies: number;
  private readonly inlineUnselectable: boolean;
  private readonly document: Document;
  /** When the running slice began (performance.now()), and the characters it has given readings. */
  private sliceStarted = 0;
  private rubiesInSlice = 0;

  constructor(
    private readonly root: Element,
    private readonly read: ReadRun,
    options: AnnotateOptions,
  ) {
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    this.document = root.ownerDocument;
    this.schedule = options.schedule ?? afterNextFrame(this.document.defaultView);
    this.scheduleFirst = options.schedule ?? soon(this.document.defaultView);
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.sliceRubies = options.sliceRubies ?? FRAME_RUBIES;
    this.inlineUnselectable = options.inlineUnselectable ?? true;
  }

  start(containers: Element[], observe: boolean): void {
    const Observer = this.document.defaultView?.MutationObserver;
    if (observe && Observer) {
      this.observer = new Observer((records) => this.collect(records));
      this.observer.observe(this.root, { subtree: true, childList: true, characterData: true });
    }
    this.queue.push(...containers);
    // The first slice runs in a task of its own, as soon as may be, never in the caller's: that
    // may be a click's, which the browser lays out and paints in the same task, and the rubies'
    // layout on top of it would make a long task.
    this.later(this.scheduleFirst);
  }

  /** One slice: annotates queued blocks until the slice's time is up, then yields. */
  private work(): void {
    this.scheduled = false;
    if (this.stopped) return;
    if (this.observer) this.collect(this.observer.takeRecords());
    this.sliceStarted = performance.now();
    this.rubiesInSlice = 0;
    while (!this.timeUp()) {
      if (!this.current) {
        const container = this.queue.shift();
        if (!container) break;
        this.current = this.annotateContainer(container);
      }
      if (this.current.next().done) this.current = null;
    }
    // Every record queued now comes from our own writes: the page cannot run inside a slice.
    this.observer?.takeRecords();
    if (this.current || this.queue.length > 0) {
      this.later();
    } else if (!this.initialDone) {
      this.initialDone = true;
      this.resolveDone();
    }
  }

  /** The slice has done its share: its time is up, or it has put in a frame's worth of rubies. */
  private timeUp(): boolean {
    return (
      this.rubiesInSlice >= this.sliceRubies ||
      performance.now() - this.sliceStarted >= this.sliceMs
    );
  }

  private later(schedule = this.schedule): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    schedule(() => this.work());
  }

  /** Walks a container's inline runs and annotates each, yielding between pieces of work. */
  private *annotateContainer(container: Element): Generator<void> {
    if (!container.isConnected && container !== this.root) return;
    if (container !== this.root && !this.isAnnotatableInside(container)) return;
    const runs: Text[][] = [];
    collectRuns(container, runs, this.ours);
    for (const run of runs) {
      yield* this.annotateRun(run);
      yield;
    }
  }

  /** Reads one run as one string, then replaces each of its text nodes that gets a reading. */
  private *annotateRun(nodes: Text[]): Generator<void> {
    const texts = nodes.map((node) => node.data);
    const text = texts.join('');
    const readings: Reading[] = [];
    let start = 0;
    while (start < text.length) {
      // Cut where no phrase runs across: after a character that is not an ideograph.
      let end = Math.min(text.length, start + CHUNK);
      while (end < text.length && end > start + CHUNK / 2 && isHan(text.charCodeAt(end - 1)))
        end -= 1;
      for (const reading of this.read(text.slice(start, end))) readings.push(reading);
      start = end;
      if (start < text.length) yield;
    }
    let offset = 0;
    for (const [index, node] of nodes.entries()) {
      const read = texts[index] as string;
      const own = readings.slice(offset, offset + read.length);
      offset += read.length;
      if (!own.some((reading) => reading !== null)) continue;
      // Changed by the page since it was read: the observer brings it back with its new text.
      if (!node.parentNode || node.data !== read || this.stopped) continue;
      yield* this.replace(node, own);
      // Many short nodes in one run (a line of links) end a slice between them.
      if (this.timeUp()) yield;
    }
  }

  /**
   * Replaces one text node by its text and rubies, built in a fragment and put in with one
   * replacement, so the page lays the text out once. A node too long for the slice's time is put
   * in a piece at a time: the text not yet annotated waits in a text node of ours at the end, so
   * the page reads the same meanwhile.
   */
  private *replace(node: Text, readings: Reading[]): Generator<void> {
    const data = node.data;
    const parent = node.parentNode;
    if (!parent) return;
    const inserted: Node[] = [];
    let fragment = this.document.createDocumentFragment();
    /** The nodes of `fragment`, in order. */
    let built: Node[] = [];
    /** Where the text not yet in the DOM waits, once the node is put in in pieces. */
    let rest: Text | null = null;
    let plainFrom = 0;
    let ruby: HTMLElement | null = null;
    /** The ruby's characters and `<rt>`s, appended in one call. */
    let parts: (string | Node)[] = [];
    const add = (added: Node) => {
      fragment.append(added);
      built.push(added);
    };
    const endRuby = () => {
      ruby?.append(...parts);
      ruby = null;
      parts = [];
    };
    for (let i = 0; i < data.length; i += 1) {
      const boundary = i > 0 && i % WRAP_CHUNK === 0 && !isLowSurrogate(data.charCodeAt(i));
      // A ruby holds at most WRAP_CHUNK characters: a browser that cannot break a line inside a
      // ruby (Chromium before 128) breaks between them.
      if (boundary) endRuby();
      // Now and then, the clock: past the slice's time, what is built goes in and the rest waits.
      if (boundary && this.timeUp()) {
        if (plainFrom < i) add(this.text(data.slice(plainFrom, i)));
        plainFrom = i;
        if (!rest) {
          rest = this.text('');
          inserted.push(rest);
          parent.replaceChild(rest, node);
          this.replaced.set(node, { original: node, inserted });
        }
        rest.data = data.slice(i);
        rest.before(fragment);
        inserted.splice(inserted.length - 1, 0, ...built);
        fragment = this.document.createDocumentFragment();
        built = [];
        yield;
        // The page may have taken the text out meanwhile: then there is nothing left to annotate.
        if (!rest.parentNode || this.stopped) return;
      }
      const reading = readings[i];
      if (reading == null) {
        endRuby();
        continue;
      }
      if (plainFrom < i) add(this.text(data.slice(plainFrom, i)));
      if (!ruby) {
        ruby = this.document.createElement('ruby');
        ruby.setAttribute(PINYIN_ATTRIBUTE, '');
        this.ours.add(ruby);
        add(ruby);
      }
      const rt = this.document.createElement('rt');
      rt.textContent = reading;
      if (this.inlineUnselectable) {
        // Through the CSSOM, which a page's CSP allows (a style attribute it may not).
        rt.style.setProperty('user-select', 'none');
        rt.style.setProperty('-webkit-user-select', 'none');
      }
      parts.push(data[i] as string, rt);
      plainFrom = i + 1;
      this.rubiesInSlice += 1;
    }
    endRuby();
    if (plainFrom < data.length) add(this.text(data.slice(plainFrom)));
    if (rest) {
      rest.replaceWith(fragment);
      inserted.splice(inserted.length - 1, 1, ...built);
    } else {
      parent.replaceChild(fragment, node);
      inserted.push(...built);
      this.replaced.set(node, { original: node, inserted });
    }
  }

  private text(data: string): Text {
    const node = this.document.createTextNode(data);
    this.ours.add(node);
    return node;
  }

  /** Notes what the page added or changed; records of our own nodes are dropped. */
  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target;
        if (this.ours.has(node) || this.ours.has(node.parentNode as Node)) continue;
        if (this.countRevert(node)) this.pending.add(node);
      } else {
        for (const node of record.addedNodes) {
          if (this.ours.has(node) || this.replaced.has(node as Text)) continue;
          this.pending.add(node);
        }
      }
    }
    if (this.pending.size === 0) return;
    const blocks = new Set<Element>();
    for (const node of this.pending) {
      const parent = node.parentElement;
      if (!node.isConnected || !parent || !this.root.contains(node)) continue;
      if (node.nodeType === ELEMENT_NODE) blocks.add(node as Element);
      else if (node.nodeType === TEXT_NODE) blocks.add(blockOf(parent, this.root));
    }
    this.pending.clear();
    this.queue.push(...blocks);
    if (blocks.size > 0) this.later();
  }

  private countRevert(node: Node): boolean {
    const reverts = (this.reverts.get(node) ?? 0) + 1;
    this.reverts.set(node, reverts);
    return reverts <= MAX_REVERTS;
  }

  /** False inside anything the walker leaves alone (a form field, code, an editor, a ruby). */
  private isAnnotatableInside(element: Element): boolean {
    return isWritableInside(element, this.root, isAnnotatedRuby);
  }

  restore(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.queue.length = 0;
    this.current = null;
    this.pending.clear();
    for (const { original, inserted } of this.replaced.values()) {
      const anchor = inserted.find((node) => node.parentNode);
      if (anchor?.parentNode) anchor.parentNode.insertBefore(original, anchor);
      for (const node of inserted) node.parentNode?.removeChild(node);
    }
    this.replaced.clear();
    if (!this.initialDone) {
      this.initialDone = true;
      this.resolveDone();
    }
  }
}

/**
 * The inline runs of text under `container`, as dom-convert walks them: a run goes on through
 * inline elements and ends at any other element; rubies (the page's or ours) end it and are
 * skipped whole, and so is everything the conversion leaves alone.
 */
function collectRuns(container: Element, runs: Text[][], ours: WeakSet<Node>): void {
  let run: Text[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const walk = (parent: Element) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        if (!ours.has(node)) run.push(node as Text);
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const element = node as Element;
      const tag = element.tagName;
      if (isAnnotatedRuby(element) || isUntouched(element) || TEXT_UNTOUCHED.has(tag)) {
        flush();
        continue;
      }
      if (INLINE.has(tag)) {
        walk(element);
      } else {
        flush();
        walk(element);
        flush();
      }
    }
  };
  if (!TEXT_UNTOUCHED.has(container.tagName) && !isAnnotatedRuby(container)) walk(container);
  flush();
}

/**
 * A ruby that carries its own annotation (the page's, or ours): left alone. A ruby whose `<rt>` is
 * gone (the reader's extraction leaves annotations out) is plain text to annotate.
 */
function isAnnotatedRuby(element: Element): boolean {
  return element.tagName === 'RUBY' && element.querySelector('rt') !== null;
}

/** The nearest non-inline ancestor: the element whose runs hold text inside `element`. */
function blockOf(element: Element, root: Element): Element {
  let block = element;
  while (block !== root && INLINE.has(block.tagName) && block.parentElement)
    block = block.parentElement;
  return block;
}

/**
 * Runs work once the browser has laid out and painted what the slice before put in (a frame's
 * callback, then a task after that frame), so every slice's rubies are laid out in a frame of their
 * own rather than several slices' at once; where no frame comes (a hidden tab), after
 * `FRAME_FALLBACK_MS`. A window that draws no frames (jsdom) runs it in the next task.
 */
function afterNextFrame(view: (Window & typeof globalThis) | null): (work: () => void) => void {
  const frame = view?.requestAnimationFrame?.bind(view);
  if (!frame) return (work) => setTimeout(work, 0);
  return (work) => {
    let ran = false;
    const run = () => {
      if (ran) return;
      ran = true;
      clearTimeout(fallback);
      setTimeout(work, 0);
    };
    const fallback = setTimeout(run, FRAME_FALLBACK_MS);
    frame(run);
  };
}

/**
 * Runs work in a task of its own as soon as may be: a user-blocking task where the browser has a
 * task scheduler (Chromium), so it comes before other pending work, else the next timer task.
 */
function soon(view: (Window & typeof globalThis) | null): (work: () => void) => void {
  const scheduler = (view as { scheduler?: TaskScheduler } | null)?.scheduler;
  if (!scheduler?.postTask) return (work) => setTimeout(work, 0);
  return (work) => void scheduler.postTask(work, { priority: 'user-blocking' });
}

/** The part of the Prioritized Task Scheduling API used here (not in TypeScript's DOM types yet). */
interface TaskScheduler {
  postTask(work: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
