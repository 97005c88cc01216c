import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '~/utils/extract/sanitize';

const { window } = new JSDOM('');
const sanitize = createSanitizer(window);

/** Parses sanitized HTML and lists what must never be there. */
function dangers(html: string): string[] {
  const root = window.document.createElement('div');
  root.innerHTML = html;
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (
      [
        'script',
        'style',
        'iframe',
        'frame',
        'object',
        'embed',
        'form',
        'input',
        'button',
        'svg',
        'math',
        'meta',
        'base',
        'link',
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${tag} ${name}`);
      if (name === 'style') found.push(`${tag} style`);
      // Browsers skip spaces and control characters in a URL's scheme: so must this check.
      const url = [...value]
        .filter((character) => character.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      const isDataImage = tag === 'img' && name === 'src' && url.startsWith('data:image/');
      if (/^(?:javascript|vbscript|data):/.test(url) && !isDataImage)
        found.push(`${tag} ${name}=${value}`);
    }
  }
  return found;
}

describe('sanitize', () => {
  it('is checked by a detector that sees the dangers in raw payloads', () => {
    expect(
      dangers('<img src=x onerror=alert(1)><a href=" JavaScript:x">x</a><iframe></iframe>'),
    ).toEqual(['img onerror', 'a href= JavaScript:x', '<iframe>']);
  });

  // Classic payloads (OWASP XSS filter evasion cheat sheet, DOMPurify's own test vectors).
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['<script>alert(1)</script><p>text</p>'],
    ['<a href="javascript:alert(1)">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
    ['<a href=" &#14; javascript:alert(1)">x</a>'],
    ['<a href="java\tscript:alert(1)">x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['<svg onload=alert(1)><script>alert(1)</script></svg>'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['<iframe src="javascript:alert(1)"></iframe>'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['<object data="javascript:alert(1)"></object>'],
    ['<embed src="javascript:alert(1)">'],
    [
      '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
    ],
    ['<input autofocus onfocus=alert(1)>'],
    ['<details open ontoggle=alert(1)><summary>x</summary></details>'],
    ['<body onload=alert(1)><p>x</p>'],
    ['<div style="background:url(javascript:alert(1))">x</div>'],
    ['<style>@import "javascript:alert(1)";</style><p>x</p>'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['<base href="javascript:alert(1)//"><a href="x">x</a>'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['<video><source onerror=alert(1)></video>'],
    ['<img src="x" srcset="javascript:alert(1) 1x">'],
    ['<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'],
    ['<a href="#" onclick="alert(1)">x</a>'],
    ['<img src="data:text/html,<script>alert(1)</script>">'],
  ])('%s', (payload) => {
    expect(dangers(sanitize(payload))).toEqual([]);
  });

  it('keeps the article: paragraphs, headings, tables, lists, images with alt, links', () => {
    const html = sanitize(
      '<h2>一、总体要求</h2><p class="x" style="color:red">正文<b>加粗</b></p><ul><li>一项</li></ul>' +
        '<table><tr><th>县</th><td>数量</td></tr></table><img src="http://a.gov.cn/p.jpg" alt="照片">' +
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="内嵌">' +
        '<a href="http://a.gov.cn/f.pdf">附件1</a><ruby>統<rt>tǒng</rt></ruby>',
    );
    expect(html).toContain('<h2>一、总体要求</h2>');
    expect(html).toContain('<p>正文<b>加粗</b></p>');
    expect(html).toContain('<li>一项</li>');
    expect(html).toContain('<th>县</th><td>数量</td>');
    expect(html).toContain('alt="照片"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).toContain(
      '<a href="http://a.gov.cn/f.pdf" target="_blank" rel="noopener noreferrer">',
    );
  });

  it('opens every link beside the reader, telling the target nothing', () => {
    const root = window.document.createElement('div');
    root.innerHTML = sanitize(
      '<a href="/a.html" target="_self" rel="opener">一</a><a href="mailto:x@a.gov.cn">二</a>',
    );
    for (const link of root.querySelectorAll('a')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });
});
