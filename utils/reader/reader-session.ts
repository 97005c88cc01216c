/**
 * One reader per page: has the article extracted when it opens, mounts the overlay, and tears both
 * down on close. `render` draws the view into the overlay (Preact, from the entry point); `extract`
 * reads the page when called and resolves to what the reader shows (the extension's extractor
 * document does the work, see entrypoints/extractor).
 */

import type { Article } from '../extract/extract-article';
import {
  EXTRACTION_DEADLINE_MS,
  type ExtractionFailure,
  type ExtractionResult,
} from '../extract/extraction-result';
import type { MessageKey } from '../i18n';
import { mountOverlay, type OverlayHandle } from './overlay';

/**
 * What the reader shows: the article, the message that says why there is none, or (on a huge page,
 * while the article is being extracted) the message that says it is coming.
 */
export type ReaderContent =
  | { article: Article }
  | { problem: MessageKey }
  | { working: MessageKey };

/**
 * Elements above which a page is huge: reading it out takes a moment and extracting it seconds (a
 * 10 MB page about 6 s here), so the reader first says it is working. The corpus's largest page has
 * about 6,000 elements.
 */
const HUGE_PAGE_ELEMENTS = 30_000;

export interface ReaderRenderer {
  render(container: HTMLElement, content: ReaderContent, close: () => void): void;
  unrender(container: HTMLElement): void;
}

/** Reads the page when called (synchronously), then resolves to what extraction found. */
export type ReaderExtractor = (doc: Document) => Promise<ExtractionResult>;

/** What the reader says when extraction found no article: the one place failures become words. */
const FAILURE_MESSAGES: Record<ExtractionFailure, MessageKey> = {
  'no-article': 'readerNoArticle',
  'too-large': 'readerTooLarge',
  'timed-out': 'readerTimedOut',
  failed: 'readerFailed',
};

export function readerContentOf(result: ExtractionResult): ReaderContent {
  return result.kind === 'article'
    ? { article: result.article }
    : { problem: FAILURE_MESSAGES[result.kind] ?? 'readerFailed' };
}

/**
 * How long the reader waits for the extractor before it says the page could not be read in time:
 * the extractor's own deadline, plus the time to read the page out and send it. Past the deadline
 * the extractor answers for itself; this is for an extractor that cannot (Firefox's background
 * page busy, a message lost).
 */
const READER_WAIT_MS = EXTRACTION_DEADLINE_MS + 5_000;

/**
 * How long an ordinary page's reader may take to come up before it says it is coming: long enough
 * that a typical article (about 0.1 s) never flashes the message, short enough that a reader who
 * clicked sees something happen.
 */
const SLOW_OPENING_MS = 300;

export function createReaderSession(
  doc: Document,
  renderer: ReaderRenderer,
  overlay: { css: string; label: string },
  extract: ReaderExtractor,
) {
  let handle: OverlayHandle | null = null;
  /** The opening whose content is on its way, if any. */
  let pending: Promise<void> | null = null;
  let slow: ReturnType<typeof setTimeout> | undefined;
  let overdue: ReturnType<typeof setTimeout> | undefined;
  /** Settles once the content of the latest opening has been drawn (or the reader closed). */
  let shown: Promise<void> = Promise.resolve();

  function close() {
    pending = null;
    clearTimeout(slow);
    clearTimeout(overdue);
    if (!handle) return;
    renderer.unrender(handle.container);
    handle.remove();
    handle = null;
  }

  /** Draws `content`, bringing the overlay up first if it is not up yet. */
  function render(content: ReaderContent) {
    handle ??= mountOverlay(doc, { ...overlay, onEscape: close });
    renderer.render(handle.container, content, close);
  }

  function open() {
    if (handle) {
      handle.dialog.focus({ preventScroll: true });
      return;
    }
    if (pending) return;
    const arrive = (opening: Promise<void>) => (result: ExtractionResult) => {
      if (pending !== opening) return; // closed meanwhile, or given up on
      pending = null;
      clearTimeout(slow);
      clearTimeout(overdue);
      render(readerContentOf(result));
    };
    let opening: Promise<void>;
    if (doc.getElementsByTagName('*').length <= HUGE_PAGE_ELEMENTS) {
      // The page is read as it is now; the reader comes up with its article, or says it is coming
      // if that takes a while.
      opening = safely(extract, doc).then((content) => arrive(opening)(content));
      slow = setTimeout(() => {
        if (pending === opening && !handle) render({ working: 'readerOpening' });
      }, SLOW_OPENING_MS);
    } else {
      // A huge page: say so and let that be painted before reading the page out (which takes the
      // page a moment); the page stays free while the article is extracted.
      render({ working: 'readerWorking' });
      opening = new Promise((settle) =>
        afterPaint(doc, () => {
          if (pending !== opening) settle();
          else void safely(extract, doc).then(arrive(opening)).then(settle);
        }),
      );
    }
    pending = opening;
    const givenUp = new Promise<void>((settle) => {
      overdue = setTimeout(() => {
        arrive(opening)({ kind: 'timed-out' });
        settle();
      }, READER_WAIT_MS);
    });
    shown = Promise.race([opening, givenUp]);
  }

  return {
    open,
    close,
    /** Open, or opening (its content on its way). */
    isOpen: () => handle !== null || pending !== null,
    /** Settles once the reader shows its article or its message (asked for by reading aloud). */
    whenShown: () => shown,
  };
}

/**
 * Runs the extractor now (it reads the page as it is called), turning a failure to reach it into
 * a failed extraction.
 */
function safely(extract: ReaderExtractor, doc: Document): Promise<ExtractionResult> {
  const failed = (error: unknown): ExtractionResult => {
    console.warn('[yidu] extraction failed', error);
    return { kind: 'failed' };
  };
  try {
    // No answer at all (no extractor listening) is a failure too.
    return extract(doc).then((result) => result ?? failed('no answer'), failed);
  } catch (error) {
    return Promise.resolve(failed(error));
  }
}

/** Runs `then` once the next frame has been painted. */
function afterPaint(doc: Document, then: () => void): void {
  const view = doc.defaultView;
  if (!view) {
    then();
    return;
  }
  view.requestAnimationFrame(() => {
    view.setTimeout(then, 0);
  });
}
