import { startReader } from '~/utils/reader/start-reader';

/**
 * The reader: not in the manifest, injected by the background only when a reader is asked for
 * (popup, on-page button, shortcut), so pages that never open it never load Preact. Readability
 * and DOMPurify never load in the page: the article is extracted in the extension's extractor
 * (entrypoints/extractor). The conversion engine and reading aloud are bundles of their own, loaded
 * on first use (utils/bundles.ts): the reader's own script only paints the article. Its composition
 * is utils/reader/start-reader.ts.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: startReader,
});
