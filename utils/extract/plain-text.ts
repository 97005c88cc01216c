/**
 * The plain text of an article body, paragraphs on their own lines, for inspection, search and
 * (later) speech. Ruby annotations (`<rt>`, `<rp>`) are pronunciation aids a portal toolbar added,
 * never words of the article, so they are left out.
 */
import { BLOCK_TAGS, NOT_TEXT_TAGS, RUBY_ANNOTATION_TAGS } from '../page/tags';

/** Blocks, and line breaks: each ends a line of plain text. */
const LINE_TAGS = new Set<string>([...BLOCK_TAGS, 'BR']);
const SKIPPED_TAGS = new Set<string>([...RUBY_ANNOTATION_TAGS, ...NOT_TEXT_TAGS]);

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
    const block = tag !== undefined && LINE_TAGS.has(tag);
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
