/**
 * The visible meta line under a portal article's title: "发布时间：2021-03-02 09:12  来源：资阳日报
 * 浏览量：23010". Pure over text; `extract-article.ts` decides which part of the page to read.
 */
import { normalizePublishedAt } from '../page/published-date';

/** A date label and the date after it. Plain "时间/日期" only count near the title (see caller). */
const DATE_LINE =
  /(?<label>(?:发布|發布|发稿|發稿|更新|成文)?(?:时间|時間|日期))\s*[:：]\s*(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：]\s*\d{1,2}(?:\s*[:：]\s*\d{1,2})?)?)/;

/** Only the labels no article sentence uses: safe to look for anywhere on the page. */
const PREFIXED_DATE_LINE = new RegExp(
  DATE_LINE.source.replace(
    '(?:发布|發布|发稿|發稿|更新|成文)?',
    '(?:发布|發布|发稿|發稿|更新|成文)',
  ),
);

/** "来源：", "来源:", "信息来源：", "文章来源：", "稿件来源：" and the traditional 來源. */
const SOURCE_LABEL = /(?:信息|文章|稿件|新闻|新聞)?(?:来源|來源)\s*[:：]/;

/** A "来源：" field opening a line: after the body, where "资金来源：" may be the notice's own. */
const SOURCE_LINE = new RegExp(`(?<=^|\\n)\\s*${SOURCE_LABEL.source}`);

/**
 * Where a source value ends: a run of two or more spaces or a line break (the next field of the
 * line), a visitor counter (浏览量, 点击数), the next field's label with its colon (作者：, 时间：,
 * 字体：: without the colon these words can be part of a name, as in 编辑部), a print or share
 * control, a bracket opening a widget (【字体】, [打印]), or a date run on without a space
 * ("人民日报2024-05-13 08:49").
 */
const SOURCE_END =
  /\s{2,}|\n|\d{4}\s*[-./年]\s*\d{1,2}|浏览|瀏覽|点击|點擊|访问量|訪問量|打印|分享|【|\[|[|｜]|(?:作者|编辑|編輯|发布时间|發布時間|发布日期|發布日期|时间|時間|日期|字体|字體|字号|字號|阅读|閱讀)\s*[:：]/;

/** A source longer than this is not a source but the line ran on into the page. */
const MAX_SOURCE_CHARACTERS = 40;

/** The publication date of a meta line as ISO; `anyLabel` also accepts plain "时间：/日期：". */
export function findPublishedAt(text: string, anyLabel = true): string | undefined {
  return findPublishedLine(text, anyLabel)?.date;
}

/** The publication date of a meta line and the label the page shows it under ("发布时间"). */
export function findPublishedLine(
  text: string,
  anyLabel = true,
): { date: string; label: string } | undefined {
  const line = anyLabel ? DATE_LINE : PREFIXED_DATE_LINE;
  const matches = [...text.matchAll(new RegExp(line.source, 'g'))];
  // A policy's info table gives 成文日期 (when it was signed) before 发布日期 (when it was
  // published): the reader's date is the publication.
  const match = matches.find((candidate) => !candidate[0].startsWith('成文')) ?? matches[0];
  const date = match ? normalizePublishedAt(match[2] ?? '') : findPressReleaseDate(text);
  if (!date) return undefined;
  return { date, label: match?.groups?.label ?? '香港時間' };
}

/** Self-media platforms' byline: "环球时报新媒体 2024-05-18 16:56 发布于 北京". */
const PUBLISHED_AT_BYLINE = /(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2})\s*发布于/;

/** The date of a "… 2024-05-18 16:56 发布于 北京" byline, as ISO. */
export function findBylineDate(text: string): string | undefined {
  const match = PUBLISHED_AT_BYLINE.exec(text);
  return match ? normalizePublishedAt(match[1] ?? '') : undefined;
}

/** The line Hong Kong press releases end with: "2026年3月2日（星期一）香港時間16時30分". */
const PRESS_RELEASE_DATE =
  /(\d{4}年\d{1,2}月\d{1,2}日)\s*[（(]星期.[）)]\s*香港[時时][間间]\s*(\d{1,2}[時时]\d{1,2})分/;

function findPressReleaseDate(text: string): string | undefined {
  const match = PRESS_RELEASE_DATE.exec(text);
  return match ? normalizePublishedAt(`${match[1]} ${match[2]}`) : undefined;
}

/**
 * A date with no label, on the line of the "来源：" field: news templates write the meta line as
 * "2020-10-04 20:30 来源：长江网". The source label is what makes it the meta line.
 */
export function findDateBesideSource(text: string): string | undefined {
  for (const line of text.split('\n')) {
    if (SOURCE_LABEL.test(line)) return normalizePublishedAt(line);
  }
  return undefined;
}

/** The value of the first "来源：" field in `text`, cut where the next field starts. */
export function findSource(text: string, atLineStart = false): string | undefined {
  const label = (atLineStart ? SOURCE_LINE : SOURCE_LABEL).exec(text);
  if (!label) return undefined;
  const rest = text.slice(label.index + label[0].length).replace(/^\s+/, '');
  const end = SOURCE_END.exec(rest);
  const value = (end ? rest.slice(0, end.index) : rest).replace(/[\s,，;；。、:：]+$/, '').trim();
  return value && value.length <= MAX_SOURCE_CHARACTERS ? value : undefined;
}
