import { provide } from '~/utils/bundles';
import { renderArticleCopy, renderReaderApp, unrenderReaderApp } from '~/utils/reader/reader-ui';

/**
 * The reader's view (Preact and its components), injected as soon as a reader opens, while its
 * article is extracted (utils/reader/start-reader.ts).
 */
export default defineUnlistedScript(() =>
  provide('reader-view', { renderReaderApp, unrenderReaderApp, renderArticleCopy }),
);
