/**
 * The reader session: an ordinary page opens straight onto its article; a huge one first says the
 * reader is working, lets that be painted, then shows the article, unless the reader was closed.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createReaderSession, type ReaderContent } from '~/utils/reader/reader-session';

const PARAGRAPH =
  '<p>会议强调，要深入推进城乡建设，做好民生保障工作，确保各项任务落到实处，切实提高人民群众的获得感、幸福感和安全感。</p>';

function pageWith(filler: number) {
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><title>关于做好城乡建设工作的通知</title></head><body>
    <h1>关于做好城乡建设工作的通知</h1><article>${PARAGRAPH.repeat(12)}</article>
    <div hidden>${'<i></i>'.repeat(filler)}</div></body></html>`;
  return new JSDOM(html, { pretendToBeVisual: true }).window.document;
}

function openReader(doc: Document) {
  const shown: string[] = [];
  const session = createReaderSession(
    doc,
    {
      render: (_container, content: ReaderContent) => {
        shown.push('article' in content ? 'article' : 'working' in content ? 'working' : 'problem');
      },
      unrender: () => {},
    },
    { css: '', label: '阅读模式' },
  );
  session.open();
  return { session, shown };
}

const nextFrame = (doc: Document) =>
  new Promise((resolve) => doc.defaultView?.requestAnimationFrame(() => setTimeout(resolve, 5)));

describe('opening the reader', () => {
  it('shows an ordinary page’s article at once', () => {
    const { shown } = openReader(pageWith(0));
    expect(shown).toEqual(['article']);
  });

  it('on a huge page says it is working first, then shows the article after a frame', async () => {
    const doc = pageWith(30_000);
    const { shown } = openReader(doc);
    expect(shown).toEqual(['working']);
    await nextFrame(doc);
    expect(shown).toEqual(['working', 'article']);
  });

  it('on a huge page closed before the frame, extracts nothing more', async () => {
    const doc = pageWith(30_000);
    const { session, shown } = openReader(doc);
    session.close();
    await nextFrame(doc);
    expect(shown).toEqual(['working']);
    expect(session.isOpen()).toBe(false);
  });
});
