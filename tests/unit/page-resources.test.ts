import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  fetchedByPage,
  keepAllowedResources,
  pageResourceFilter,
} from '~/utils/reader/page-resources';

const PAGE = 'http://www.a.gov.cn/art/2024/1/2/art_1_2.html';

describe('pageResourceFilter', () => {
  const allowed = pageResourceFilter(PAGE, ['https://cdn.b.com/shown.jpg', 'not a url']);
  it.each([
    ['http://www.a.gov.cn/pic/1.jpg', true],
    ['/pic/1.jpg', true],
    ['../p.png', true],
    ['https://cdn.b.com/shown.jpg', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    // Another origin the page never fetched (its CSP may have blocked it).
    ['https://tracker.c.com/pixel.gif', false],
    ['https://cdn.b.com/other.jpg', false],
    // Same host, other scheme or port: another origin.
    ['https://www.a.gov.cn/pic/1.jpg', false],
    ['http://www.a.gov.cn:8080/pic/1.jpg', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (url, expected) => {
    expect(allowed(url)).toBe(expected);
  });
});

describe('keepAllowedResources', () => {
  const body = (html: string) => {
    const { document } = new JSDOM(`<body>${html}`, { url: PAGE }).window;
    keepAllowedResources(
      document.body,
      pageResourceFilter(PAGE, ['https://cdn.b.com/shown.jpg', 'https://cdn.b.com/v.mp4']),
    );
    return document.body;
  };

  it('keeps the page’s own and already-fetched images, without a referrer', () => {
    const root = body(
      '<img src="/pic/1.jpg" alt="本站"><img src="https://cdn.b.com/shown.jpg" alt="已载">',
    );
    const images = [...root.querySelectorAll('img')];
    expect(images.map((image) => image.getAttribute('src'))).toEqual([
      '/pic/1.jpg',
      'https://cdn.b.com/shown.jpg',
    ]);
    for (const image of images) expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('takes the source from an image the page could not load; its alt stays', () => {
    const image = body('<img src="https://blocked.c.com/x.jpg" alt="外站图片">').querySelector(
      'img',
    );
    expect(image?.hasAttribute('src')).toBe(false);
    expect(image?.getAttribute('alt')).toBe('外站图片');
  });

  it('picks an allowed srcset candidate and drops the srcset', () => {
    const image = body(
      '<img src="https://blocked.c.com/s.jpg" srcset="https://blocked.c.com/m.jpg 2x, /big.jpg 3x">',
    ).querySelector('img');
    expect(image?.getAttribute('src')).toBe('/big.jpg');
    expect(image?.hasAttribute('srcset')).toBe(false);
  });

  it('treats video, sound and picture sources the same way', () => {
    const root = body(
      '<video src="https://cdn.b.com/v.mp4" poster="https://blocked.c.com/p.jpg"></video>' +
        '<audio><source src="https://blocked.c.com/a.mp3"></audio>' +
        '<picture><source srcset="https://blocked.c.com/w.webp"><img src="/f.jpg"></picture>',
    );
    expect(root.querySelector('video')?.getAttribute('src')).toBe('https://cdn.b.com/v.mp4');
    expect(root.querySelector('video')?.hasAttribute('poster')).toBe(false);
    expect(root.querySelector('audio source')?.hasAttribute('src')).toBe(false);
    expect(root.querySelector('picture source')?.hasAttribute('srcset')).toBe(false);
    expect(root.querySelector('picture img')?.getAttribute('src')).toBe('/f.jpg');
  });
});

describe('fetchedByPage', () => {
  it('lists the images the page shows, not those that failed or are still loading', () => {
    const { document } = new JSDOM(
      '<img src="https://cdn.b.com/shown.jpg"><img src="https://blocked.c.com/x.jpg">',
      { url: PAGE },
    ).window;
    const [shown, blocked] = document.images;
    // jsdom loads no images: give them what a browser reports.
    for (const [image, width] of [
      [shown, 640],
      [blocked, 0],
    ] as const) {
      Object.defineProperty(image, 'complete', { value: true });
      Object.defineProperty(image, 'naturalWidth', { value: width });
    }
    expect(fetchedByPage(document)).toEqual(['https://cdn.b.com/shown.jpg']);
  });
});
