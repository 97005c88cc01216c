/**
 * Articles are extracted away from their page: in an offscreen document on Chrome (a service
 * worker has no DOM), in the background page itself on Firefox. The browser is known at build
 * time, so Chrome's service worker bundles neither Readability nor DOMPurify.
 */
import type { ExtractionResult } from '../extract/extraction-result';
import { createOffscreenExtractor, type OffscreenApi } from '../extract/offscreen-extractor';
import type { MessageHandlers } from '../messages';

export function createExtractionRelay(deps: {
  /** `chrome.offscreen`, where the browser has it. */
  offscreen: OffscreenApi | undefined;
  /** Passes a page on to the extractor document. */
  sendToExtractor: (html: string, url: string) => Promise<ExtractionResult>;
}) {
  const extractor =
    import.meta.env.BROWSER === 'firefox' || !deps.offscreen
      ? undefined
      : createOffscreenExtractor(deps.offscreen, deps.sendToExtractor);

  async function extract(html: string, url: string): Promise<ExtractionResult> {
    if (import.meta.env.BROWSER === 'firefox') {
      const { extractFromHtml } = await import('../extract/extract-html');
      return extractFromHtml(html, url, window);
    }
    if (!extractor) throw new Error('no offscreen documents in this browser');
    return extractor.extract(html, url);
  }

  const handlers: MessageHandlers<'content→background:extract-article'> = {
    'content→background:extract-article': ({ html, url }) => extract(html, url),
  };
  return {
    /** A reader is likely to open soon (an article page was found): have the extractor ready. */
    prepare: () => void extractor?.prepare(),
    extract,
    handlers,
  };
}
