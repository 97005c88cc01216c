/**
 * What extraction answers, in its own terms: the article, or why there is none. The reader (or any
 * other caller: `npm run inspect`, the bench) decides what to say about a failure.
 */
import type { Article } from './extract-article';

export type ExtractionFailure =
  /** The page holds no article (a list, a bare menu, a frame shell). */
  | 'no-article'
  /** The page is beyond what the extractor accepts (MAX_PAGE_CHARACTERS, MAX_PAGE_ELEMENTS). */
  | 'too-large'
  /** Extraction did not finish by its deadline (EXTRACTION_DEADLINE_MS). */
  | 'timed-out'
  /** Anything else: the extractor threw, or could not be reached. */
  | 'failed';

export type ExtractionResult = { kind: 'article'; article: Article } | { kind: ExtractionFailure };

/**
 * The most HTML the extractor accepts, in UTF-16 code units: about twice the 10 MB pages the
 * bench builds (4.3 million here), and at the linear cost of extraction a few seconds of work.
 */
export const MAX_PAGE_CHARACTERS = 8 * 1024 * 1024;

/**
 * The most elements extraction reads (Readability's `maxElemsToParse` too): the corpus's largest
 * page has 7,930, the bench's 10 MB article 44,000.
 */
export const MAX_PAGE_ELEMENTS = 200_000;

/**
 * How long one extraction may take before the reader says it could not finish and (in Chrome) the
 * extractor document is closed and made again: the 10 MB article takes about 6 s.
 */
export const EXTRACTION_DEADLINE_MS = 20_000;

/** Thrown inside extraction to stop it: the page is too large, or time is up. */
export class ExtractionStopped extends Error {
  constructor(readonly kind: 'too-large' | 'timed-out') {
    super(`extraction stopped: ${kind}`);
  }
}

/** A check to call now and then during extraction: throws once `deadline` (ms, `performance.now()`) has passed. */
export function deadlineCheck(deadline: number): () => void {
  return () => {
    if (performance.now() > deadline) throw new ExtractionStopped('timed-out');
  };
}
