/**
 * Counting Chinese the way a reader does: in characters (there are no spaces between words). Shared
 * by the detector and the extractor, so "how much text" means the same to both.
 */

/**
 * CJK Unified Ideographs and Extension A, counted by UTF-16 code unit in one pass: no array of
 * matches, so counting a 10 MB page's text stays cheap.
 */
export function countCjk(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) count += 1;
  }
  return count;
}

/** Heading elements, by tag name as the DOM reports it. */
export const HEADING_TAGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const;
