/**
 * The plain text of an article body, paragraphs on their own lines, for inspection, search and
 * (later) speech. Ruby annotations (`<rt>`, `<rp>`) are pronunciation aids a portal toolbar added,
 * never words of the article, so they are left out.
 */
import { HEADING_TAGS } from '../cjk';

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
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
]);
const SKIPPED_TAGS = new Set(['RP', 'RT', 'SCRIPT', 'STYLE', 'TEMPLATE']);

export function plainTextOf(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName;
    if (tag && SKIPPED_TAGS.has(tag)) return;
    const block = tag !== undefined && BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    // Table cells read across a row, separated by a space.
    if (tag === 'TD' || tag === 'TH') parts.push(' ');
    for (const child of node.childNodes) visit(child);
    if (block) parts.push('\n');
  };
  visit(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
