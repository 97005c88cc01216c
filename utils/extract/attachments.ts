/**
 * An article's attachments: the documents a notice links to (附件：名单.xlsx, 通知.pdf), listed
 * apart in the reader so they are easy to find and open.
 */
export interface Attachment {
  /** The link's text, else the file's name. */
  name: string;
  /** Absolute http(s) URL. */
  url: string;
}

/**
 * Office, PDF, OFD (the Chinese fixed-layout format), WPS, OpenDocument (Taiwan's government
 * sites publish .odt/.ods beside PDF) and archive files.
 */
const ATTACHMENT_FILE = /\.(?:pdf|docx?|xlsx?|pptx?|wps|ofd|od[tsp]|zip|rar|7z|et)$/i;

/** A link's attachment URL, absolute; undefined when it is not an http(s) link to a document. */
export function attachmentUrl(href: string, baseUrl: string): string | undefined {
  if (!URL.canParse(href, baseUrl)) return undefined;
  const url = new URL(href, baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Listed and opened without any user name and password the link carried.
  url.username = '';
  url.password = '';
  // Download scripts name the file in the query: /download.jsp?filename=名单.xlsx
  const names = [url.pathname, ...url.searchParams.values()];
  return names.some((name) => ATTACHMENT_FILE.test(name)) ? url.href : undefined;
}

/** The attachments among `links`, in order, each URL once (the first non-empty name wins). */
export function collectAttachments(links: Iterable<Element>, baseUrl: string): Attachment[] {
  const byUrl = new Map<string, Attachment>();
  for (const link of links) {
    const url = attachmentUrl(link.getAttribute('href') ?? '', baseUrl);
    if (!url) continue;
    const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
    const known = byUrl.get(url);
    if (!known)
      byUrl.set(url, { name: text || link.getAttribute('title')?.trim() || fileName(url), url });
    else if (text && known.name === fileName(url)) known.name = text;
  }
  return [...byUrl.values()];
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}
