/**
 * The header card's date, source and document number, each with where it came from. What the page
 * shows its reader wins over metadata, since portals often fill `PubDate` with the time the page was
 * generated and `ContentSource` with an abbreviation: first the 信息公开 header table and the
 * visible "发布时间/来源" line, then the metadata, then the date in the URL.
 */
import type { GovMetadata } from '../page/gov-metadata';
import {
  dateOfUrl,
  type FieldOrigin,
  metaDateOf,
  normalizePublishedAt,
} from '../page/published-date';
import { findBylineDate, findDateBesideSource, findPublishedLine, findSource } from './meta-line';

export interface HeaderFields {
  publishedAt?: string;
  dateFrom?: FieldOrigin;
  source?: string;
  sourceFrom?: FieldOrigin;
  /** The document number (文号, 发文字号): "闽政〔2021〕5号". */
  docNumber?: string;
}

/**
 * The labels of a 信息公开 header table (as a table, or label/value pairs above the text), by what
 * each gives the header card. Unlisted labels of such tables (索引号, 主题分类, 公开方式...) only help
 * recognise the table.
 */
const INFO_LABELS = {
  published: ['发布日期', '公开日期', '發布日期'],
  written: ['成文日期', '成文時間', '成文时间'],
  source: ['发布机构', '发文机关', '发文单位', '發布機構', '公开主体'],
  docNumber: ['文号', '发文字号', '文號', '發文字號'],
  other: [
    '索引号',
    '索引號',
    '主题分类',
    '主題分類',
    '公开方式',
    '公开范围',
    '有效性',
    '体裁分类',
    '标题',
  ],
} as const;

const LABEL_KIND = new Map<string, keyof typeof INFO_LABELS>(
  Object.entries(INFO_LABELS).flatMap(([kind, labels]) =>
    labels.map((label) => [label, kind as keyof typeof INFO_LABELS]),
  ),
);

/**
 * A label at the start of a text node, with or without its colon and the value after it. Portals
 * space labels out to align them ("索&ensp;引&ensp;号："), so spaces may sit between characters.
 */
const INFO_LABEL = new RegExp(
  `^[\\s【[]*(${[...LABEL_KIND.keys()].map((label) => [...label].join('\\s*')).join('|')})\\s*[】\\]]?\\s*[:：]?\\s*`,
);

/** A table needs this many of the labels: one "文号" alone may be a sentence's word. */
const MIN_INFO_LABELS = 2;

/** A value longer than this ran on into the page; a table holding more text is not a header. */
const MAX_VALUE_CHARACTERS = 60;
const MAX_TABLE_CHARACTERS = 600;

export interface InfoTable {
  values: Partial<Record<keyof typeof INFO_LABELS, { label: string; value: string }>>;
  /** The smallest element holding every label: the reader shows its fields, not the table. */
  element: Element | null;
}

/**
 * The 信息公开 header table before the article's running text, or null. One walk over the text up
 * to `bodyStart`; each value is read from the label's own text ("文号：闽政〔2021〕5号") or the
 * cells or nodes after it.
 */
export function readInfoTable(body: Element, bodyStart: Element | null): InfoTable | null {
  const walker = body.ownerDocument.createTreeWalker(body, 0x1 | 0x4 /* elements and text */);
  const values: InfoTable['values'] = {};
  const labelNodes: Node[] = [];
  for (let node = walker.nextNode(); node && node !== bodyStart; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const match = INFO_LABEL.exec(node.nodeValue ?? '');
    const label = match?.[1]?.replace(/\s+/g, '');
    const kind = label && LABEL_KIND.get(label);
    if (!match || !label || !kind) continue;
    labelNodes.push(node);
    const value = clean((node.nodeValue ?? '').slice(match[0].length)) || valueAfter(node);
    if (!values[kind] && value) values[kind] = { label, value };
  }
  if (labelNodes.length < MIN_INFO_LABELS) return null;
  return { values, element: commonTable(labelNodes, bodyStart) };
}

/** Whitespace folded, a trailing separator dropped; '' for a value that ran on into the page. */
function clean(text: string): string {
  const value = text.replace(/\s+/g, ' ').trim();
  return value.length <= MAX_VALUE_CHARACTERS && !INFO_LABEL.test(value) ? value : '';
}

/**
 * The value after a label node: the text of the nodes after it in its parent, or, when the label
 * fills its element (`<td>文号：</td><td>…</td>`), of the element after that, up to two levels up.
 */
function valueAfter(labelNode: Node): string {
  let current: Node | null = labelNode;
  for (let level = 0; current && level < 3; level += 1) {
    let text = '';
    for (let next = current.nextSibling; next; next = next.nextSibling) {
      const part = next.textContent ?? '';
      if (INFO_LABEL.test(part.trim())) break;
      text += part;
      if (text.trim()) break;
    }
    const value = clean(text.replace(/^\s*[:：]/, ''));
    if (value) return value;
    current = current.parentNode;
  }
  return '';
}

/** The smallest element holding every label node, when it is a header and not the article. */
function commonTable(nodes: Node[], bodyStart: Element | null): Element | null {
  let table = nodes[0]?.parentElement ?? null;
  while (table && !nodes.every((node) => table?.contains(node))) table = table.parentElement;
  if (!table || table.tagName === 'BODY' || (bodyStart && table.contains(bodyStart))) return null;
  const size = (table.textContent ?? '').replace(/\s+/g, '').length;
  return size <= MAX_TABLE_CHARACTERS ? table : null;
}

/** Where on the page the header fields are read from, gathered by the extractor. */
export interface HeaderSources {
  url: string;
  metadata: GovMetadata;
  table: InfoTable | null;
  /** The page's text from the start to the article's running text. */
  header: string;
  /** The page's whole text, for a "发布时间：" line after the body. */
  page: string | null;
  /** The text after the body within the article's area, for a "来源：" line under the text. */
  afterBody: string;
  /** A `<time datetime>` before the running text. */
  timeElement: string | undefined;
}

/** Title aside, the header card's fields by the order in the file comment. */
export function chooseHeaderFields(sources: HeaderSources): HeaderFields {
  const { metadata, table } = sources;
  const fields: HeaderFields = {};
  const tableDate = table?.values.published ?? table?.values.written;
  const tableIso = tableDate && normalizePublishedAt(tableDate.value);
  const line =
    findPublishedLine(sources.header) ??
    (sources.page === null ? undefined : findPublishedLine(sources.page, false));
  const besideSource = findDateBesideSource(sources.header);
  // "… 2024-05-18 16:56 发布于 北京" names itself: safe to look for past the running text's start.
  const byline = findBylineDate(sources.header) ?? findBylineDate(sources.page ?? '');
  const metaDate = metaDateOf(metadata);
  const timeDate = normalizePublishedAt(sources.timeElement ?? '');
  const urlDate = dateOfUrl(sources.url);
  if (tableDate && tableIso) setDate(fields, tableIso, `page:${tableDate.label}`);
  else if (line) setDate(fields, line.date, `page:${line.label}`);
  else if (besideSource) setDate(fields, besideSource, 'page:来源');
  else if (byline) setDate(fields, byline, 'page:发布于');
  else if (metaDate) setDate(fields, metaDate.date, metaDate.from);
  else if (timeDate) setDate(fields, timeDate, 'page:time');
  else if (urlDate) setDate(fields, urlDate, 'url');
  // The page shows the day, the metadata often the same day with its time: keep the time.
  const day = fields.publishedAt;
  if (day?.length === 10 && metaDate?.date.startsWith(day)) fields.publishedAt = metaDate.date;

  const tableSource = table?.values.source;
  const headerSource = findSource(sources.header);
  const lineSource = findSource(sources.afterBody, true);
  if (tableSource) setSource(fields, tableSource.value, `page:${tableSource.label}`);
  else if (headerSource) setSource(fields, headerSource, 'page:来源');
  else if (lineSource) setSource(fields, lineSource, 'page:来源');
  else if (metadata.contentSource) setSource(fields, metadata.contentSource, 'meta:ContentSource');

  const docNumber = table?.values.docNumber?.value;
  if (docNumber && docNumber !== '无') fields.docNumber = docNumber;
  return fields;
}

function setDate(fields: HeaderFields, date: string, from: FieldOrigin): void {
  fields.publishedAt = date;
  fields.dateFrom = from;
}

function setSource(fields: HeaderFields, source: string, from: FieldOrigin): void {
  fields.source = source;
  fields.sourceFrom = from;
}
