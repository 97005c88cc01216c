import { describe, expect, it } from 'vitest';
import { decodeHtml } from '~/utils/decode-html';

// Node's TextEncoder only writes UTF-8, so the GBK and Big5 bytes are spelled out here:
// 政府 is D5 FE B8 AE in GBK and AC 46 A9 B2 in Big5.
const page = (meta: string, body: number[]) =>
  new Uint8Array([
    ...Buffer.from(`<html><head>${meta}</head><body>`),
    ...body,
    ...Buffer.from('</body></html>'),
  ]);
const GBK_ZHENGFU = [0xd5, 0xfe, 0xb8, 0xae];
const BIG5_ZHENGFU = [0xac, 0x46, 0xa9, 0xb2];

describe('decodeHtml', () => {
  it('decodes GBK declared as gb2312, and GBK that claims to be UTF-8', () => {
    expect(decodeHtml(page('<meta charset="gb2312">', GBK_ZHENGFU))).toMatchObject({
      charset: 'gb18030',
    });
    expect(decodeHtml(page('<meta charset="gb2312">', GBK_ZHENGFU)).text).toContain('政府');
    expect(decodeHtml(page('<meta charset="utf-8">', GBK_ZHENGFU)).text).toContain('政府');
  });

  it('decodes UTF-8 that claims to be gb2312 as UTF-8', () => {
    const decoded = decodeHtml(
      page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', [
        ...Buffer.from('政府'),
      ]),
    );
    expect(decoded).toMatchObject({ charset: 'utf-8' });
    expect(decoded.text).toContain('政府');
  });

  it('decodes Big5 as declared, and lets the HTTP header win over the page', () => {
    expect(decodeHtml(page('<meta charset="big5">', BIG5_ZHENGFU)).text).toContain('政府');
    expect(decodeHtml(page('', BIG5_ZHENGFU), 'text/html; charset=Big5').text).toContain('政府');
  });

  it('takes a UTF-8 byte-order mark first, and leaves it out of the text', () => {
    const decoded = decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<p>政府</p>')]));
    expect(decoded.text).toBe('<p>政府</p>');
  });
});
