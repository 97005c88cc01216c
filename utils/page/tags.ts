/**
 * The tag vocabulary every reader of a page's DOM shares, by tag name as the DOM reports it (upper
 * case for HTML elements). Detection, extraction, speech and the page description each walk pages
 * and each needs "is this a heading", "does this element's text belong to the block around it", "is
 * this text never shown": one list of each, so they cannot drift apart. A reader that needs a wider
 * or narrower set builds it from these, next to a comment saying why.
 */

/** Heading elements, all six levels. */
export const HEADING_TAGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const;

/** The heading levels a portal puts an article's own title in; lower ones title its sections. */
export const TOP_HEADING_TAGS = ['H1', 'H2', 'H3'] as const;

/** Elements whose content is not page text at all: code, styles, templates, no-script fallbacks. */
export const NOT_TEXT_TAGS = ['NOSCRIPT', 'SCRIPT', 'STYLE', 'TEMPLATE'] as const;

/** Ruby annotations: pronunciation aids (a portal toolbar's pinyin), never words of the text. */
export const RUBY_ANNOTATION_TAGS = ['RP', 'RT', 'RTC'] as const;

/** Inline elements that wrap text for its look (or, a label, for a control's name): no meaning of their own. */
export const INLINE_FORMATTING_TAGS = [
  'B',
  'BIG',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'U',
] as const;

/**
 * Inline elements: their text belongs to the block around them. The formatting ones, and those with
 * a meaning of their own: links, abbreviations, code, ruby, times.
 */
export const INLINE_TAGS = [
  ...INLINE_FORMATTING_TAGS,
  'A',
  'ABBR',
  'CODE',
  'RUBY',
  'TIME',
] as const;

/**
 * Elements that start a block of text of their own (a line of their own in plain text). Line
 * breaks and rules are not blocks but end a line all the same; readers that care add them.
 */
export const BLOCK_TAGS = [
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  ...HEADING_TAGS,
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
] as const;
