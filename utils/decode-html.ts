/**
 * Decodes a saved page's bytes as a browser would: a byte-order mark first, then the charset the
 * page declares (HTTP header or `<meta>`), checked against the bytes, since saved pages lie
 * (pages declared gb2312 that are really UTF-8, and the reverse). Node-side only: in the browser
 * the page is already decoded.
 */
const SNIFF_BYTES = 4096;

/** Charset labels as browsers map them: GB2312 and GBK are decoded as GB18030 (its superset). */
function canonicalCharset(label: string): string {
  const lower = label.trim().toLowerCase();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'gb_2312-80', 'cp936'].includes(lower))
    return 'gb18030';
  if (['big5', 'big5-hkscs', 'x-x-big5', 'cn-big5'].includes(lower)) return 'big5';
  if (['utf8', 'utf-8', 'unicode-1-1-utf-8'].includes(lower)) return 'utf-8';
  return lower;
}

export function declaredCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  const fromHeader = contentType && /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return canonicalCharset(fromHeader);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  return fromMeta ? canonicalCharset(fromMeta) : undefined;
}

export function decodeHtml(
  bytes: Uint8Array,
  contentType?: string,
): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  }
  const declared = declaredCharset(bytes, contentType);
  // Valid UTF-8 is almost never legacy CJK text by accident, so bytes that decode as UTF-8 are
  // UTF-8 whatever the page says; otherwise trust the declaration, and fall back to GB18030,
  // the commonest legacy encoding on mainland portals.
  const asUtf8 = tryDecode(bytes, 'utf-8');
  if (asUtf8 !== undefined) return { text: asUtf8, charset: 'utf-8' };
  const charset = declared && declared !== 'utf-8' ? declared : 'gb18030';
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

function tryDecode(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
