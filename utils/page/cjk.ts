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

/**
 * Whether `text` holds at least `enough` CJK characters: stops reading once it does, so asking
 * whether a long paragraph is long enough costs the first few dozen characters, not all of them.
 */
export function reachesCjk(text: string, enough: number): boolean {
  if (enough <= 0) return true;
  if (text.length < enough) return false;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) {
      count += 1;
      if (count >= enough) return true;
    }
  }
  return false;
}
