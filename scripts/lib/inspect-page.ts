/** The inspection pipeline as a function: bytes of a saved page in, the `inspect --json` object out. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { convertSubtree } from '../../utils/convert/dom-convert';
import type { TextConverter } from '../../utils/convert/text-converter';
import { decodeHtml } from '../../utils/decode-html';
import { judgeArticlePage } from '../../utils/detect/detect-article-page';
import { extractArticle } from '../../utils/extract/extract-article';
import { plainTextOf } from '../../utils/extract/plain-text';
import { createSanitizer } from '../../utils/extract/sanitize';
import { speechChunksOf } from '../../utils/speech/plan';

export interface InspectResult {
  isArticle: boolean;
  confidence: number;
  reasons: string[];
  charset: string;
  article: null | {
    title: string;
    publishedTime: string | null;
    /** Where the date was read: "page:发布时间", "meta:PubDate", "meta:firstpublishedtime", "url". */
    dateFrom: string | null;
    source: string | null;
    sourceFrom: string | null;
    /** The 文号 of a 信息公开 page. */
    docNumber: string | null;
    siteName: string | null;
    lang: string | null;
    html: string;
    text: string;
    attachments: { name: string; url: string }[];
    /** With `inspect --convert <script>`: the article in that script, through the reader's code. */
    converted?: ConvertedArticle;
  };
  /** What reading aloud says, chunk by chunk (empty without an article). */
  speech: string[];
}

export interface ConvertedArticle {
  from: string;
  to: string;
  lang: string;
  title: string;
  html: string;
  text: string;
  attachments: { name: string; url: string }[];
}

/** A jsdom document for a saved page, decoded as a browser would, with scripts off. */
export function loadDocument(bytes: Uint8Array, url: string) {
  const { text, charset } = decodeHtml(bytes);
  // Saved pages' CSS and markup errors are noise here, not findings.
  const dom = new JSDOM(text, {
    url: url === 'about:blank' ? undefined : url,
    virtualConsole: new VirtualConsole(),
  });
  return { dom, charset };
}

export function inspectPage(bytes: Uint8Array, url: string): InspectResult {
  const { dom, charset } = loadDocument(bytes, url);
  const document = dom.window.document;
  const status = judgeArticlePage(url, document);
  const extracted = extractArticle(document, createSanitizer(dom.window));
  let article: InspectResult['article'] = null;
  if (extracted) {
    const container = document.createElement('div');
    container.innerHTML = extracted.contentHtml;
    article = {
      title: extracted.title,
      publishedTime: extracted.publishedAt ?? null,
      dateFrom: extracted.dateFrom ?? null,
      source: extracted.source ?? null,
      sourceFrom: extracted.sourceFrom ?? null,
      docNumber: extracted.docNumber ?? null,
      siteName: extracted.siteName ?? null,
      lang: extracted.lang ?? null,
      html: extracted.contentHtml,
      text: plainTextOf(container),
      attachments: extracted.attachments,
    };
  }
  const speech = extracted ? speechChunksOf(extracted, document) : [];
  // jsdom keeps a window alive until it is closed: many pages in one process run out of memory.
  dom.window.close();
  return {
    isArticle: status.kind === 'article',
    confidence: status.kind === 'article' ? status.confidence : 0,
    reasons: status.reasons,
    charset,
    article,
    speech,
  };
}

/** The article converted as the reader converts it: its body as one DOM subtree, block by block. */
export function convertArticle(
  article: NonNullable<InspectResult['article']>,
  converter: TextConverter,
): ConvertedArticle {
  const { window } = new JSDOM('');
  const container = window.document.createElement('div');
  container.innerHTML = article.html;
  convertSubtree(container, converter);
  const converted = {
    from: converter.from,
    to: converter.to,
    lang: container.getAttribute('lang') ?? '',
    title: converter.convert(article.title),
    html: container.innerHTML,
    text: plainTextOf(container),
    attachments: article.attachments.map(({ name, url }) => ({
      name: converter.convert(name),
      url,
    })),
  };
  window.close();
  return converted;
}
