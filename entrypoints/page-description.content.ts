import { describeArticle } from '~/utils/detect/describe-page';

/**
 * An article's title and the clues of its date and source, for the popup: run by the popup when it
 * opens on an article (the injection's result is what `main` returns), so the always-loaded
 * detector does not carry this code.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => describeArticle(document, location.href),
});
