/**
 * The reader session: an ordinary page opens onto its article once extracted; a huge one first
 * says the reader is working, lets that be painted, then shows the article, unless the reader was
 * closed. Extraction here is the extractor document's own function, run on the page's HTML.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { extractFromHtml } from '~/utils/extract/extract-html';
import { EXTRACTION_DEADLINE_MS } from '~/utils/extract/extraction-result';
import { serializePage } from '~/utils/extract/page-html';
import { OVERLAY_HOST_TAG } from '~/utils/reader/overlay';
import {
  createReaderSession,
  type ReaderContent,
  type ReaderExtractor,
} from '~/utils/reader/reader-session';

const PARAGRAPH =
  '<p>会议强调，要深入推进城乡建设，做好民生保障工作，确保各项任务落到实处，切实提高人民群众的获得感、幸福感和安全感。</p>';

function pageWith(filler: number) {
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><title>关于做好城乡建设工作的通知</title></head><body>
    <h1>关于做好城乡建设工作的通知</h1><article>${PARAGRAPH.repeat(12)}</article>
    <div hidden>${'<i></i>'.repeat(filler)}</div></body></html>`;
  return new JSDOM(html, { pretendToBeVisual: true }).window.document;
}

/** As the reader does it: the page serialized when the reader opens, extracted from its HTML. */
const throughHtml: ReaderExtractor = async (doc) =>
  extractFromHtml(serializePage(doc), doc.URL, doc.defaultView as Window & typeof globalThis);

function openReader(doc: Document, extract: ReaderExtractor = throughHtml) {
  const shown: string[] = [];
  const session = createReaderSession(
    doc,
    {
      render: (_container, content: ReaderContent) => {
        shown.push(
          'article' in content
            ? 'article'
            : 'working' in content
              ? 'working'
              : `problem ${content.problem}`,
        );
      },
      unrender: () => {},
    },
    { css: '', label: '阅读模式' },
    extract,
  );
  session.open();
  return { session, shown };
}

const nextFrame = (doc: Document) =>
  new Promise((resolve) => doc.defaultView?.requestAnimationFrame(() => setTimeout(resolve, 5)));

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('opening the reader', () => {
  it('brings an ordinary page’s reader up with its article, read from the page before the reader joined it', async () => {
    const doc = pageWith(0);
    let overlayWhenRead: Element | null | undefined;
    const { session, shown } = openReader(doc, (page) => {
      overlayWhenRead = page.querySelector(OVERLAY_HOST_TAG);
      return throughHtml(page);
    });
    expect(overlayWhenRead).toBeNull();
    // Opening: the overlay comes up with the article, not empty before it.
    expect(shown).toEqual([]);
    expect(session.isOpen()).toBe(true);
    expect(doc.querySelector(OVERLAY_HOST_TAG)).toBeNull();
    // What reading aloud waits for before asking the reader for its plan.
    await session.whenShown();
    expect(shown).toEqual(['article']);
  });

  it('says the article is coming when it takes more than a moment, then shows it', async () => {
    // The extractor answers only when `arrive` is called.
    let arrive = () => {};
    const doc = pageWith(0);
    const { session, shown } = openReader(doc, (page) => {
      const content = throughHtml(page);
      return new Promise((resolve) => {
        arrive = () => void content.then(resolve);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(shown).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shown).toEqual(['working']);
    expect(doc.querySelector(OVERLAY_HOST_TAG)).not.toBeNull();
    arrive();
    await session.whenShown();
    expect(shown).toEqual(['working', 'article']);
  });

  it('says the reader failed when the extractor cannot be reached, and when it throws', async () => {
    const rejected = openReader(pageWith(0), () => Promise.reject(new Error('no extractor')));
    const thrown = openReader(pageWith(0), () => {
      throw new Error('context invalidated');
    });
    await settled();
    expect(rejected.shown).toEqual(['problem readerFailed']);
    expect(thrown.shown).toEqual(['problem readerFailed']);
  });

  it('says, for each kind of failed extraction, its own message', async () => {
    const kinds = ['no-article', 'too-large', 'timed-out', 'failed'] as const;
    const readers = kinds.map((kind) => openReader(pageWith(0), async () => ({ kind })));
    await settled();
    expect(readers.map((reader) => reader.shown)).toEqual([
      ['problem readerNoArticle'],
      ['problem readerTooLarge'],
      ['problem readerTimedOut'],
      ['problem readerFailed'],
    ]);
  });

  it('says it could not finish when the extractor never answers, and stops waiting for it', async () => {
    vi.useFakeTimers();
    try {
      const { session, shown } = openReader(pageWith(0), () => new Promise(() => {}));
      await vi.advanceTimersByTimeAsync(EXTRACTION_DEADLINE_MS);
      expect(shown).toEqual(['working']);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(shown).toEqual(['working', 'problem readerTimedOut']);
      await session.whenShown();
      expect(session.isOpen()).toBe(true);
      session.close();
      expect(session.isOpen()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on a huge page says it is working first, then shows the article after a frame', async () => {
    const doc = pageWith(30_000);
    const { session, shown } = openReader(doc);
    expect(shown).toEqual(['working']);
    await session.whenShown();
    expect(shown).toEqual(['working', 'article']);
  });

  it('closed before the article arrives, shows nothing more', async () => {
    const huge = pageWith(30_000);
    const early = openReader(huge);
    early.session.close();
    await nextFrame(huge);
    await settled();
    expect(early.shown).toEqual(['working']);
    expect(early.session.isOpen()).toBe(false);

    const ordinary = pageWith(0);
    const late = openReader(ordinary);
    late.session.close();
    await settled();
    expect(late.shown).toEqual([]);
    expect(late.session.isOpen()).toBe(false);
    expect(ordinary.querySelector(OVERLAY_HOST_TAG)).toBeNull();
  });
});
