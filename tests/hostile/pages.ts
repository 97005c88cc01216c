/**
 * Pages built to break things, served by the E2E suite through request routing under government
 * host names (so the detector runs): script injection in every place an article carries text,
 * and the robustness cases of the hardening issue. Each page's note says what a user must see.
 */
import { XSS_VECTORS } from '../xss-vectors';

/** The host the hostile pages are served under; it matches the detector's `*.gov.cn`. */
export const HOSTILE_ORIGIN = 'http://hostile.example.gov.cn';

/** Every payload, numbered: `alert(1)` becomes `pwned(n)`, which records n on the page. */
export const PAYLOADS = XSS_VECTORS.map((vector, index) =>
  vector.replaceAll('alert(1)', `pwned(${index})`),
);

const RECORDER = `<script>window.pwnedBy=[];window.pwned=function(n){window.pwnedBy.push(n)};</script>`;

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

const ARTICLE_PARAGRAPH =
  '为进一步做好城乡居民基本医疗保险参保缴费工作，切实保障参保群众的合法权益，现将有关事项通知如下，请各单位认真贯彻落实。';

/** A government notice whose title, metadata, body, attachment links and alt text all carry payloads. */
export function xssArticle(): string {
  const body = PAYLOADS.map(
    (payload, index) => `<p>第${index + 1}条：${ARTICLE_PARAGRAPH}${payload}</p>`,
  ).join('\n');
  const titlePayload = '"><img src=x onerror=pwned(900)>';
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
${RECORDER}
<title>关于参保缴费的通知${escapeAttribute('</title><img src=x onerror=pwned(901)>')}_某市医疗保障局</title>
<meta name="SiteName" content="某市医疗保障局${escapeAttribute(titlePayload)}">
<meta name="SiteIDCode" content="3301000012">
<meta name="ArticleTitle" content="关于参保缴费的通知${escapeAttribute(titlePayload)}">
<meta name="PubDate" content="2026-09-19">
<meta name="ContentSource" content="市医疗保障局${escapeAttribute('<svg onload=pwned(902)>')}">
</head><body>
<div class="title">关于参保缴费的通知</div>
<div class="info">发布日期：2026-09-19 信息来源：市医疗保障局</div>
<div id="zoom">
${body}
<p><img src="/none.png" alt="${escapeAttribute('"><img src=x onerror=pwned(903)>')}" onerror="pwned(904)"></p>
<p>附件：<a href="javascript:pwned(905)">缴费指南.pdf</a></p>
<p><a href="/files/${escapeAttribute('"><img src=x onerror=pwned(906)>')}.pdf" onclick="pwned(907)">登记表${escapeAttribute('<img src=x onerror=pwned(908)>')}.docx</a></p>
<p><a href="data:text/html,<script>pwned(909)</script>">申请表.xls</a></p>
</div>
<div class="footer">网站标识码：3301000012 浙ICP备12345678号</div>
</body></html>`;
}

/** An ordinary notice in the same shape, with `extra` in its body. */
export function notice(extra = '', { head = '', title = '关于参保缴费的通知' } = {}): string {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) => `<p>第${i + 1}条：${ARTICLE_PARAGRAPH}</p>`,
  ).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_某市医疗保障局</title>
<meta name="SiteName" content="某市医疗保障局"><meta name="SiteIDCode" content="3301000012">
<meta name="ArticleTitle" content="${title}"><meta name="PubDate" content="2026-09-19">${head}</head>
<body><div class="title">${title}</div><div id="zoom">${paragraphs}${extra}</div>
<div class="footer">网站标识码：3301000012</div></body></html>`;
}

/** 50,000 elements: a notice followed by a huge table of links (portal sitemaps look like this). */
export function manyNodes(): string {
  const cells = Array.from(
    { length: 12_500 },
    (_, i) => `<td><a href="/l/${i}.html">链接${i}</a></td>`,
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 10)
    rows.push(`<tr>${cells.slice(i, i + 10).join('')}</tr>`);
  return notice(`<table>${rows.join('')}</table>`);
}

/** The notice wrapped in 5,000 nested elements. */
export function deepNesting(): string {
  const open = '<div>'.repeat(5000);
  const close = '</div>'.repeat(5000);
  return notice()
    .replace('<div id="zoom">', `${open}<div id="zoom">`)
    .replace('</body>', `${close}</body>`);
}

/** The notice as XHTML, to be served as application/xhtml+xml. */
export function xhtml(): string {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) => `<p>第${i + 1}条：${ARTICLE_PARAGRAPH}<br/></p>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>关于参保缴费的通知_某市医疗保障局</title>
<meta name="SiteName" content="某市医疗保障局"/><meta name="SiteIDCode" content="3301000012"/>
<meta name="ArticleTitle" content="关于参保缴费的通知"/><meta name="PubDate" content="2026-09-19"/></head>
<body><div id="zoom">${paragraphs}<table><tr><td>成年居民</td><td>400</td></tr></table></div></body></html>`;
}

/** An XHTML document with no body at all. */
export function noBody(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>无正文</title></head></html>`;
}

/** The article lives in a same-origin iframe; the top page is a frame shell. */
export function iframeShell(src: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某市医疗保障局</title></head>
<body><div>某市医疗保障局</div><iframe src="${src}" style="width:100%;height:600px"></iframe></body></html>`;
}

/** A page that replaces its body with another notice after load. */
export function rewritesBody(): string {
  return notice('', {
    head: `<script>setTimeout(function(){document.body.innerHTML='<div id="zoom"><h1>更新后的通知</h1>'+Array.from({length:8},function(_,i){return '<p>更新第'+(i+1)+'条：${ARTICLE_PARAGRAPH}</p>'}).join('')+'</div>'},300)</script>`,
  });
}

/** A single-page portal: a list that moves to an article with history.pushState. */
export function singlePageApp(): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告_某市医疗保障局</title></head>
<body><ul id="list"><li><a href="#" id="go">关于参保缴费的通知</a></li><li><a href="#">其他通知</a></li></ul>
<script>
document.getElementById('go').addEventListener('click', function (event) {
  event.preventDefault();
  history.pushState({}, '', '/art/2026/9/19/art_1229002_59033579.html');
  document.title = '关于参保缴费的通知_某市医疗保障局';
  document.body.innerHTML = '<div class="title">关于参保缴费的通知</div><div class="info">发布日期：2026-09-19 来源：市医疗保障局</div><div id="zoom">' +
    Array.from({length: 8}, function (_, i) { return '<p>第' + (i + 1) + '条：${ARTICLE_PARAGRAPH}</p>'; }).join('') +
    '</div><div class="footer">网站标识码：3301000012</div>';
});
</script></body></html>`;
}

/** A page its portal's own accessibility toolbar has already transformed: ruby, traditional, big fonts. */
export function toolbarTransformed(): string {
  const ruby =
    '<ruby>醫<rp>(</rp><rt>yī</rt><rp>)</rp></ruby><ruby>療<rp>(</rp><rt>liáo</rt><rp>)</rp></ruby>';
  return notice(
    `<p style="font-size:40px">${ruby}保險參保繳費工作即將開始，請各單位做好相關準備工作，確保參保群眾權益。</p>`,
    { head: '<style>body{zoom:1.5}</style>' },
  );
}

/**
 * Issue 17's stall: `links` short chrome-looking links (`<a>打印</a>`, the page-tools rule's very
 * words) spread over `depth` nested `<div>`s, one level holding a few links each, after the notice.
 * A cleanup that climbs the ancestors of each link and reads each one's whole text costs links² ×
 * depth here; at 300 of each (about 10 KB) that took 41 s.
 */
export function chromeLinksInNesting(links: number, depth = links): string {
  const perLevel = Math.max(1, Math.ceil(links / depth));
  const parts: string[] = [];
  let placed = 0;
  for (let level = 0; level < depth; level += 1) {
    parts.push('<div>');
    for (let i = 0; i < perLevel && placed < links; i += 1, placed += 1) parts.push('<a>打印</a>');
  }
  parts.push('</div>'.repeat(depth));
  return notice(parts.join(''));
}

/**
 * `count` nested `<div>`s around the notice's paragraphs (100,000 of them are 1.1 MB), in the shape
 * a browser's parser gives the extractor: Chromium nests at most 512 levels and puts deeper
 * elements side by side at the last level (`parserDepth`); Infinity keeps them all nested, as jsdom
 * does.
 */
export function nestedDivs(count: number, parserDepth = Number.POSITIVE_INFINITY): string {
  const nested = Math.min(count, parserDepth);
  const open = '<div>'.repeat(nested) + '<div></div>'.repeat(count - nested);
  return notice()
    .replace('<div id="zoom">', `${open}<div id="zoom">`)
    .replace('</body>', `${'</div>'.repeat(nested)}</body>`);
}
