/**
 * Chrome's background is a service worker, with no DOM to parse a page in: extraction runs in an
 * offscreen document (entrypoints/extractor), created once and kept. The adapter over
 * `chrome.offscreen`: the API comes in, so it is tested without a browser.
 *
 * One document serves every tab, one extraction at a time. So each extraction has a deadline: past
 * it the caller is told it timed out and the document is closed (which ends whatever it was stuck
 * in) and made again for the next one. A request that was waiting in the closed document for its
 * turn, from another tab, is sent once more to the new one: one page never holds another's reader.
 */
import {
  EXTRACTION_DEADLINE_MS,
  type ExtractionResult,
  MAX_PAGE_CHARACTERS,
} from './extraction-result';

/** The part of `chrome.offscreen` used here. */
export interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** The extractor document, as built by WXT from entrypoints/extractor/index.html. */
export const EXTRACTOR_PAGE = 'extractor.html';

const TIMED_OUT = Symbol('timed out');

/** `promise`'s outcome, or TIMED_OUT when it has not settled after `ms`. */
function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value: T } | { error: unknown } | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    expiry,
  ]).finally(() => clearTimeout(timer));
}

export function createOffscreenExtractor(
  offscreen: OffscreenApi,
  send: (html: string, url: string) => Promise<ExtractionResult>,
  { deadlineMs = EXTRACTION_DEADLINE_MS } = {},
) {
  let creating: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  /** Which document is current: counts the documents closed for running over their deadline. */
  let generation = 0;

  /** Makes sure the document exists; concurrent callers share one creation. */
  async function ready(): Promise<void> {
    if (closing) await closing;
    if (await offscreen.hasDocument()) return;
    creating ??= offscreen
      .createDocument({
        url: EXTRACTOR_PAGE,
        reasons: ['DOM_PARSER'],
        justification: 'Parses the page a reader opens on and extracts its article.',
      })
      .finally(() => {
        creating = undefined;
      });
    try {
      await creating;
    } catch (error) {
      // Created meanwhile by a caller that had already finished: fine.
      if (!(await offscreen.hasDocument())) throw error;
    }
  }

  /** Closes the stuck document; the next extraction (or `prepare`) creates a fresh one. */
  function recreate(): void {
    generation += 1;
    closing = offscreen
      .closeDocument()
      .catch(() => undefined)
      .finally(() => {
        closing = undefined;
      });
  }

  return {
    /** Creates the document ahead of a reader opening (an article page was found). */
    prepare: () => ready().catch(() => undefined),
    async extract(html: string, url: string): Promise<ExtractionResult> {
      // Not worth sending: the extractor would refuse it.
      if (html.length > MAX_PAGE_CHARACTERS) return { kind: 'too-large' };
      for (let attempt = 0; ; attempt += 1) {
        const sentTo = generation;
        try {
          await ready();
        } catch (error) {
          console.warn('[yidu] cannot create the extractor', error);
          return { kind: 'failed' };
        }
        const outcome = await withDeadline(send(html, url), deadlineMs);
        if (outcome === TIMED_OUT) {
          if (sentTo === generation) recreate();
          return { kind: 'timed-out' };
        }
        if ('value' in outcome) return outcome.value;
        // Its document was closed under it (another page ran over): once more, on the new one.
        if (sentTo !== generation && attempt === 0) continue;
        console.warn('[yidu] the extractor did not answer', outcome.error);
        return { kind: 'failed' };
      }
    },
  };
}
