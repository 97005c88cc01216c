/**
 * Chrome's background is a service worker, with no DOM to parse a page in: extraction runs in an
 * offscreen document (entrypoints/extractor), created once and kept. The adapter over
 * `chrome.offscreen`: the API comes in, so it is tested without a browser.
 */
import type { ReaderContent } from '../reader/reader-session';

/** The part of `chrome.offscreen` used here. */
export interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
}

/** The extractor document, as built by WXT from entrypoints/extractor/index.html. */
export const EXTRACTOR_PAGE = 'extractor.html';

export function createOffscreenExtractor(
  offscreen: OffscreenApi,
  send: (html: string, url: string) => Promise<ReaderContent>,
) {
  let creating: Promise<void> | undefined;

  /** Makes sure the document exists; concurrent callers share one creation. */
  async function ready(): Promise<void> {
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

  return {
    /** Creates the document ahead of a reader opening (an article page was found). */
    prepare: () => ready().catch(() => undefined),
    async extract(html: string, url: string): Promise<ReaderContent> {
      await ready();
      return send(html, url);
    },
  };
}
