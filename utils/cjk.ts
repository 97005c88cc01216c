/**
 * Counting Chinese the way a reader does: in characters (there are no spaces between words). Shared
 * by the detector and the extractor, so "how much text" means the same to both.
 */

/** CJK Unified Ideographs and Extension A. */
const CJK_CHARACTER = /[\u3400-\u4dbf\u4e00-\u9fff]/g;

export function countCjk(text: string): number {
  return text.match(CJK_CHARACTER)?.length ?? 0;
}

/** Heading elements, by tag name as the DOM reports it. */
export const HEADING_TAGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const;
