/**
 * The article's title from a page's `<title>`, without the site and column names that portals
 * append: "标题_栏目_站点", "标题 - 站点", "标题-站点", "标题 | 站点", "标题｜站点".
 */

/**
 * What is left of a cut at a dash or bar must be at least this long to be a title: a cut that
 * leaves a character or two has cut the title ("A - B"), not its suffix. (Underscores are exempt:
 * "通知_通知公告_某市人民政府" is a two-character title.)
 */
const MIN_TITLE_CHARACTERS = 4;

/**
 * Separators portals put between the title and the site, tried in this order. The underscore
 * chain ("标题_栏目_站点") is cut at its first underscore (Chinese titles carry none); spaced
 * dashes, bars (with or without spaces) and double hyphens are cut at their last occurrence, since
 * a title may itself hold one ("A - B - 站点" keeps "A - B").
 */
const SPACED_SEPARATOR = /\s+[-–—]+\s+|\s*[|｜]\s*|\s*--+\s*/g;

/**
 * A bare hyphen ("标题-站点") also sits inside titles ("1-10月", "2021-2025年", "COVID-19"), so
 * it only counts as a separator with a CJK character on both sides.
 */
const BARE_HYPHEN = /(?<=[\u3400-\u9fff）」》”])-(?=[\u3400-\u9fff（「《“])/g;

/** A `<title>` that starts with a separator is only the suffix: the CMS left the title out. */
const ONLY_SUFFIX = /^[-–—_|｜]/;

/**
 * Returns `title` without a portal's site/column suffix; the title itself when it has none, and
 * '' when the `<title>` holds nothing but the suffix ("-某某网").
 */
export function stripTitleSuffix(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (ONLY_SUFFIX.test(clean)) return '';
  const underscore = clean.indexOf('_');
  if (underscore > 0) return clean.slice(0, underscore).trim();
  for (const separator of [SPACED_SEPARATOR, BARE_HYPHEN]) {
    const cut = lastMatchIndex(clean, separator);
    if (cut >= MIN_TITLE_CHARACTERS) return clean.slice(0, cut).trim();
  }
  return clean;
}

function lastMatchIndex(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}
