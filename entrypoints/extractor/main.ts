import { browser } from 'wxt/browser';
import { BACKGROUND_PROTOCOL } from '~/utils/background-messages';
import { extractFromHtml } from '~/utils/extract/extract-html';
import { createMessageListener } from '~/utils/messages';

/**
 * The extractor (Chrome's offscreen document): the reader's page comes in as HTML, is parsed here
 * inert and its article extracted with Readability and sanitized with DOMPurify, so neither library
 * is injected into the page and the page is not paused while it runs.
 */
browser.runtime.onMessage.addListener(
  createMessageListener(BACKGROUND_PROTOCOL, {
    'background→extractor:extract-article': ({ html, url }) => extractFromHtml(html, url, window),
  }),
);
