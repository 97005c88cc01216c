import { describeArticle } from '~/utils/extract/article-header';

/**
 * An article's title, date, source and 文号 for the popup, read by the reader's own rules (the
 * 信息公开 table, the publish line, then the metadata): run by the popup when it opens on an
 * article (the injection's result is what `main` returns), so the always-loaded detector does not
 * carry this code.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => describeArticle(document),
});
