/**
 * Publication dates as portals write them (`PubDate` meta, the "发布时间：" line), normalised to
 * ISO 8601: `2021-03-02`, or `2021-03-02T09:12` when a time is given. Seconds are dropped: the
 * reader shows the date to people, and no portal's seconds mean anything to them.
 */
import type { GovMetadata } from './gov-metadata';

/**
 * Year, month, day separated by `-`, `.`, `/` or 年/月(/日), then optionally hours and minutes
 * (`10:19`, `10:19:33`, `10时19分`, ISO's `T10:19:33+08:00`, www.gov.cn's `2007-08-20-23:59:59`).
 */
const DATE_TEXT =
  /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:(?:\s*|T|-)(\d{1,2})\s*[:：时時]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;

/**
 * Years outside this range are typing errors or placeholders ("0000-00-00"), not dates: the
 * earliest Chinese government websites date from the late 1990s.
 */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/** The first date in `text` as an ISO string, or undefined when there is no valid date in it. */
export function normalizePublishedAt(text: string): string | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = match
    .slice(1, 6)
    .map((part) => Number(part ?? 0));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return undefined;
  // Date.UTC rolls 2021-02-30 over to March; a date that rolls over was never valid.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (match[4] === undefined || hour > 23 || minute > 59) return iso;
  return `${iso}T${pad(hour)}:${pad(minute)}`;
}

/** The ISO date for people: `2021-03-02 09:12`. */
export function formatPublishedAt(iso: string): string {
  return iso.replace('T', ' ');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Where a header field came from, for `inspect --json` and the popup: `page:<the label shown>`
 * ("page:发布时间", "page:发布日期"), `meta:<the tag's name>` ("meta:PubDate"), or `url`.
 */
export type FieldOrigin = `page:${string}` | `meta:${string}` | 'url';

/**
 * The date meta tags portals use, most trusted first: the 2017 guidelines' `PubDate`, www.gov.cn's
 * `firstpublishedtime`, then `publishdate` and Open Graph's `article:published_time`.
 */
const DATE_META = [
  ['pubDate', 'PubDate'],
  ['firstpublishedtime', 'firstpublishedtime'],
  ['publishdate', 'publishdate'],
  ['article:published_time', 'article:published_time'],
] as const;

/** The first valid date among the page's date meta tags, in DATE_META's order, with its origin. */
export function metaDateOf(metadata: GovMetadata): { date: string; from: FieldOrigin } | undefined {
  for (const [field, name] of DATE_META) {
    const date = normalizePublishedAt(metadata[field] ?? '');
    if (date) return { date, from: `meta:${name}` };
  }
  return undefined;
}

/**
 * A day in an article's URL, as CMSs write it: `/2023-12/01/` (www.gov.cn), `/t20211011_N`
 * (TRS), `/art/2021/3/2/` (Hanweb), `/20230518/`. A month alone (`/202312/`) is no day.
 */
const URL_DATES = [
  /\/(\d{4})-(\d{2})\/(\d{2})\//,
  /\/t(\d{4})(\d{2})(\d{2})_\d+/,
  /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//,
  /\/(\d{4})(\d{2})(\d{2})\//,
];

/** The publication day a URL gives, as ISO (`2023-12-01`), or undefined. */
export function dateOfUrl(url: string): string | undefined {
  const path = URL.canParse(url) ? new URL(url).pathname : '';
  for (const pattern of URL_DATES) {
    const match = pattern.exec(path);
    if (match) return normalizePublishedAt(`${match[1]}-${match[2]}-${match[3]}`);
  }
  return undefined;
}
