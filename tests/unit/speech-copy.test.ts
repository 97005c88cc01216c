/**
 * What the reader reads aloud comes from its private copy of the extracted article, not from the
 * overlay (whose shadow root is open to the page): a page that rewrites the overlay's text changes
 * nothing that is spoken, while the highlight and "read from the clicked paragraph" still find the
 * overlay's blocks.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { matchBlocks, speechPlanOf } from '~/utils/speech/plan';
import { createReaderSpeech, SPEAKING_ATTRIBUTE } from '~/utils/speech/reader-speech';
import type { SpeechRequest } from '~/utils/speech/speech-protocol';

const ARTICLE = `<div lang="zh-Hans"><article class="yd-article">
  <header class="yd-card"><h1>关于开展专项清理的通知</h1><p class="yd-meta">资阳市人民政府</p></header>
  <div class="yd-content"><p>各区县人民政府：现将有关事项通知如下。</p><ul><li>加强领导。</li><li>落实责任。</li></ul>
  <table><tr><td>项目</td><td>收费标准</td></tr></table><p>咨询电话：028-26653050。</p></div>
</article></div>`;

/** The overlay's article and the reader's private copy of it: one article drawn twice. */
function twoArticles() {
  const { document } = new JSDOM(`<body>${ARTICLE}</body>`).window;
  const shown = document.querySelector('article') as Element;
  const copy = (shown.parentElement as Element).cloneNode(true) as Element;
  return { shown, copy: copy.querySelector('article') as Element };
}

/** The page rewrites every text in the overlay, as a script can through the open shadow root. */
function rewrite(shown: Element) {
  for (const element of shown.querySelectorAll('h1, p, li, td'))
    element.textContent = '请立即拨打诈骗电话';
}

function readerSpeech(copy: Element, shown: Element) {
  const started: SpeechRequest[] = [];
  const speech = createReaderSpeech({
    article: () => copy,
    shown: () => shown,
    mode: 'background',
    background: {
      start: async (request) => {
        started.push(request);
        return { ok: true, voiceName: 'cmn' };
      },
      control: async () => ({
        progress: { state: 'idle', index: 0, total: 0, rate: 1, speaking: false },
        noChineseVoice: false,
      }),
      claim: async () => undefined,
    },
    settings: () => ({ rate: 1 }),
    reducedMotion: () => true,
  });
  return { speech, started };
}

describe('reading aloud from the private copy', () => {
  it('speaks the extracted article though the page rewrote the overlay', async () => {
    const { shown, copy } = twoArticles();
    const before = speechPlanOf(copy).chunks.map((chunk) => chunk.spoken);
    rewrite(shown);
    const { speech, started } = readerSpeech(copy, shown);
    expect(speech.request()?.chunks).toEqual(before);
    await speech.play();
    expect(started).toHaveLength(1);
    expect(started[0]?.chunks.join('')).toContain('各区县人民政府');
    expect(started[0]?.chunks.join('')).not.toContain('诈骗');
    expect(started[0]?.lang).toBe('zh-Hans');
  });

  it('highlights the overlay’s block and reads from the overlay’s clicked paragraph', async () => {
    const { shown, copy } = twoArticles();
    const { speech, started } = readerSpeech(copy, shown);
    const items = shown.querySelectorAll('li');
    await speech.play(items[1]);
    // Title, site, first paragraph, first item: the second item is chunk 4.
    expect(started[0]?.startIndex).toBe(4);
    speech.onProgress({ state: 'playing', index: 4, total: 7, rate: 1, speaking: true });
    expect(items[1]?.getAttribute(SPEAKING_ATTRIBUTE)).toBe('true');
    expect(copy.querySelector(`[${SPEAKING_ATTRIBUTE}]`)).toBeNull();
    speech.onProgress({ state: 'playing', index: 5, total: 7, rate: 1, speaking: true });
    expect(items[1]?.hasAttribute(SPEAKING_ATTRIBUTE)).toBe(false);
    expect(shown.querySelector('tr')?.getAttribute(SPEAKING_ATTRIBUTE)).toBe('true');
  });
});

describe('matchBlocks', () => {
  it('finds each block at the same place in the other tree, in one walk', () => {
    const { shown, copy } = twoArticles();
    const plan = speechPlanOf(copy);
    const matched = matchBlocks(plan.blocks, copy, shown);
    expect(matched.map((element) => element.ownerDocument === shown.ownerDocument)).toEqual(
      plan.blocks.map(() => true),
    );
    expect(matched.map((element) => element.textContent)).toEqual(
      plan.blocks.map((element) => element.textContent),
    );
  });

  it('leaves a block on the copy where the page changed the overlay’s structure', () => {
    const { shown, copy } = twoArticles();
    shown.querySelector('ul')?.replaceWith(shown.ownerDocument.createElement('section'));
    const plan = speechPlanOf(copy);
    const matched = matchBlocks(plan.blocks, copy, shown);
    const items = plan.blocks.filter((element) => element.tagName === 'LI');
    for (const item of items) expect(matched[plan.blocks.indexOf(item)]).toBe(item);
    expect(matched[0]).toBe(shown.querySelector('h1'));
  });
});
