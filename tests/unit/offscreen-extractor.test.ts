/**
 * The one extractor document serves every tab: an extraction that runs over its deadline is
 * answered "timed out", the document is closed (ending whatever it was stuck in) and created again,
 * and a request from another tab that was waiting in the closed document is sent again, not lost.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '~/utils/extract/extract-article';
import type { ExtractionResult } from '~/utils/extract/extraction-result';
import { MAX_PAGE_CHARACTERS } from '~/utils/extract/extraction-result';
import { createOffscreenExtractor } from '~/utils/extract/offscreen-extractor';

const URL_OF_PAGE = 'http://www.example.gov.cn/art/2026/9/19/art_1_1.html';
const article = { title: '关于参保缴费的通知' } as Article;

/**
 * A fake `chrome.offscreen` whose document runs one extraction at a time: a page named "stall"
 * never finishes, and everything sent after it waits behind it until the document is closed (the
 * pending messages then fail, as Chrome's do).
 */
function fakeDocument() {
  let exists = false;
  let busy: Promise<void> = Promise.resolve();
  let closeCurrent = () => {};
  const log: string[] = [];
  const offscreen = {
    hasDocument: async () => exists,
    createDocument: async () => {
      log.push('create');
      exists = true;
      let closed: () => void = () => {};
      const whenClosed = new Promise<never>((_, reject) => {
        closed = () => reject(new Error('message channel closed'));
      });
      whenClosed.catch(() => undefined);
      busy = Promise.resolve();
      closeCurrent = closed;
      current = whenClosed;
    },
    closeDocument: async () => {
      log.push('close');
      exists = false;
      closeCurrent();
    },
  };
  let current: Promise<never> = new Promise(() => {});
  const send = (html: string): Promise<ExtractionResult> => {
    if (!exists) return Promise.reject(new Error('Receiving end does not exist'));
    log.push(`send ${html}`);
    const turn = busy.then(() =>
      html === 'stall' ? new Promise<never>(() => {}) : { kind: 'article' as const, article },
    );
    busy = turn.then(() => undefined);
    return Promise.race([turn, current]);
  };
  return { offscreen, send, log };
}

describe('the extractor’s deadline', () => {
  it('answers "timed out" past it, closes the stuck document and makes a new one for the next page', async () => {
    const { offscreen, send, log } = fakeDocument();
    const extractor = createOffscreenExtractor(offscreen, send, { deadlineMs: 50 });
    expect(await extractor.extract('stall', URL_OF_PAGE)).toEqual({ kind: 'timed-out' });
    expect(await extractor.extract('ordinary', URL_OF_PAGE)).toEqual({ kind: 'article', article });
    expect(log).toEqual(['create', 'send stall', 'close', 'create', 'send ordinary']);
  });

  it('sends again, to the new document, a request that was waiting behind the stuck one', async () => {
    const { offscreen, send, log } = fakeDocument();
    const extractor = createOffscreenExtractor(offscreen, send, { deadlineMs: 200 });
    const hostile = extractor.extract('stall', URL_OF_PAGE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    const ordinary = extractor.extract('ordinary', URL_OF_PAGE);
    expect(await hostile).toEqual({ kind: 'timed-out' });
    expect(await ordinary).toEqual({ kind: 'article', article });
    // It waited for the stuck one's deadline, never for one of its own.
    expect(performance.now() - started).toBeLessThan(400);
    expect(log).toEqual([
      'create',
      'send stall',
      'send ordinary',
      'close',
      'create',
      'send ordinary',
    ]);
  });

  it('does not send a page over MAX_PAGE_CHARACTERS at all', async () => {
    const { offscreen, send, log } = fakeDocument();
    const extractor = createOffscreenExtractor(offscreen, send);
    expect(await extractor.extract('x'.repeat(MAX_PAGE_CHARACTERS + 1), URL_OF_PAGE)).toEqual({
      kind: 'too-large',
    });
    expect(log).toEqual([]);
  });

  it('says it failed, once, when the document cannot be reached', async () => {
    const extractor = createOffscreenExtractor(
      {
        hasDocument: async () => true,
        createDocument: async () => {},
        closeDocument: async () => {},
      },
      () => Promise.reject(new Error('Receiving end does not exist')),
    );
    expect(await extractor.extract('ordinary', URL_OF_PAGE)).toEqual({ kind: 'failed' });
  });
});
