import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '~/utils/extract/sanitize';
import { XSS_VECTORS } from '../xss-vectors';

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
  it.each(XSS_VECTORS.map((vector) => [vector]))('%s', (payload) => {
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

  it('treats image-map areas as links: beside the reader, telling the target nothing', () => {
    const root = window.document.createElement('div');
    root.innerHTML = sanitize(
      '<map name="m"><area shape="rect" coords="0,0,9,9" href="http://a.gov.cn/x.html" ' +
        'target="_self" rel="opener" alt="区县"></map>',
    );
    const area = root.querySelector('area');
    expect(area?.getAttribute('href')).toBe('http://a.gov.cn/x.html');
    expect(area?.getAttribute('target')).toBe('_blank');
    expect(area?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('lets no video or sound play by itself', () => {
    const root = window.document.createElement('div');
    root.innerHTML = sanitize(
      '<video src="http://a.gov.cn/v.mp4" autoplay controls></video>' +
        '<audio src="http://a.gov.cn/a.mp3" autoplay></audio>',
    );
    expect(root.querySelectorAll('[autoplay]')).toHaveLength(0);
    expect(root.querySelector('video')?.hasAttribute('controls')).toBe(true);
  });

  it('strips user names and passwords from link, area and image URLs', () => {
    const root = window.document.createElement('div');
    root.innerHTML = sanitize(
      '<a href="http://admin:secret@a.gov.cn/f.pdf">附件</a>' +
        '<map><area href="https://user@a.gov.cn/m.html" alt="图"></map>' +
        '<img src="http://u:p@a.gov.cn/p.jpg" alt="照片"><a href="mailto:x@a.gov.cn">信</a>',
    );
    expect(root.querySelector('a')?.getAttribute('href')).toBe('http://a.gov.cn/f.pdf');
    expect(root.querySelector('area')?.getAttribute('href')).toBe('https://a.gov.cn/m.html');
    expect(root.querySelector('img')?.getAttribute('src')).toBe('http://a.gov.cn/p.jpg');
    // A mail address is not a user name.
    expect(root.querySelectorAll('a')[1]?.getAttribute('href')).toBe('mailto:x@a.gov.cn');
  });
});
