/**
 * The element a portal CMS puts an article's body in, when the CMS is known by its markup. On such
 * a page the reader reads that element alone: Readability, left to weigh the whole page, adds the
 * "hot articles" and "more news" blocks beside the body when their summaries score like paragraphs.
 * One sorted table; each selector is a class or id the CMS's templates give the body's wrapper and
 * nothing else.
 */
export interface BodyContainer {
  /** The CMS (or platform) whose templates use it. */
  cms: string;
  selector: string;
}

export const BODY_CONTAINERS: readonly BodyContainer[] = [
  // Hanweb (大汉) article pages: `<div id="zoom">`, the target of the font-size widget.
  { cms: 'Hanweb', selector: '#zoom' },
  // TRS WCM's rich-text editor output, on government and news portals alike.
  { cms: 'TRS WCM', selector: '.TRS_Editor' },
  { cms: 'TRS WCM (UEditor)', selector: '.TRS_UEDITOR' },
  // WeChat official-account articles.
  { cms: 'WeChat', selector: '#js_content' },
];

const SELECTOR = BODY_CONTAINERS.map((container) => container.selector).join(', ');

/**
 * The known body container that holds the article's running text (its first block, `bodyStart`),
 * outermost first (TRS nests `.TRS_Editor` in itself), or null.
 */
export function findBodyContainer(body: Element, bodyStart: Element | null): Element | null {
  if (!bodyStart) return null;
  for (const element of body.querySelectorAll(SELECTOR)) {
    if (element.contains(bodyStart)) return element;
  }
  return null;
}
