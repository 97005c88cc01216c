/**
 * A page's scripts reach our open shadow roots; what they dispatch there is untrusted (jsdom marks
 * every script-dispatched event so, as browsers do) and must not reach the on-page button's or the
 * reader's handlers. That real input still works is shown in Chromium (tests/e2e/hostile.test.ts).
 */
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderView, renderArticleCopy } from '~/components/reader-view';
import { ENTRY_HOST_TAG, showEntryButton } from '~/utils/reader/entry-button';
import { mountOverlay } from '~/utils/reader/overlay';
import { ignoreUntrustedEvents } from '~/utils/reader/trusted-events';
import { DEFAULT_SETTINGS } from '~/utils/settings';
import { matchBlocks, speechPlanOf } from '~/utils/speech/plan';

// Preact creates elements with the global `document`: the test's window stands in for the page's.
const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', {
  pretendToBeVisual: true,
});
const { document, MouseEvent, KeyboardEvent, Event } = window;
const globals = globalThis as { document?: Document; DOMParser?: typeof window.DOMParser };
beforeAll(() => {
  globals.document = document;
  globals.DOMParser = window.DOMParser;
});
beforeEach(() => {
  // The labels do not matter here; fakeBrowser has no i18n.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});
afterAll(() => {
  delete globals.document;
  delete globals.DOMParser;
});

afterEach(() => {
  for (const host of document.querySelectorAll('yidu-reader, yidu-entry')) host.remove();
});

const byTestId = (root: ParentNode, id: string) =>
  root.querySelector(`[data-testid="${id}"]`) as HTMLElement;

function entryButton() {
  const onClick = vi.fn();
  const onDismiss = vi.fn();
  showEntryButton(document, {
    label: '阅读模式',
    title: '',
    dismissLabel: '本站不显示',
    dismissTitle: '',
    controlSize: 'normal',
    onClick,
    onDismiss,
  });
  const shadow = document.querySelector(ENTRY_HOST_TAG)?.shadowRoot as ShadowRoot;
  return { shadow, onClick, onDismiss };
}

const IDLE_SPEECH = { state: 'idle', index: 0, total: 0, speaking: false, noChineseVoice: false };

function reader() {
  const onEscape = vi.fn();
  const onChangeSettings = vi.fn();
  const onSpeech = vi.fn();
  const onClose = vi.fn();
  const overlay = mountOverlay(document, { css: '', label: '阅读模式', onEscape });
  render(
    <ReaderView
      content={{
        article: {
          title: '关于做好城乡建设工作的通知',
          contentHtml: '<p>会议强调，要深入推进城乡建设。</p>',
          attachments: [],
          lang: 'zh-CN',
        } as never,
      }}
      settings={DEFAULT_SETTINGS}
      onChangeSettings={onChangeSettings}
      onClose={onClose}
      speech={IDLE_SPEECH as never}
      onSpeech={onSpeech}
      onSpeechRate={vi.fn()}
      onReadFrom={vi.fn()}
    />,
    overlay.container,
  );
  const shadow = overlay.container.getRootNode() as ShadowRoot;
  return { shadow, overlay, onEscape, onChangeSettings, onSpeech, onClose };
}

describe('events a page script makes in our shadow roots', () => {
  it('are untrusted in jsdom, as in a browser', () => {
    const event = new MouseEvent('click');
    document.body.dispatchEvent(event);
    expect(event.isTrusted).toBe(false);
  });

  it('do not open the reader or hide the on-page button: click() and dispatched clicks alike', () => {
    const { shadow, onClick, onDismiss } = entryButton();
    byTestId(shadow, 'reader-entry').click();
    byTestId(shadow, 'reader-entry').dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true }),
    );
    byTestId(shadow, 'reader-entry-dismiss').click();
    expect(onClick).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(document.querySelector(ENTRY_HOST_TAG)).not.toBeNull();
  });

  it('do not change settings, read aloud, open panels or close the reader', () => {
    const { shadow, onChangeSettings, onSpeech, onClose, onEscape } = reader();
    for (const id of ['font-larger', 'elder-mode', 'speech-play', 'reader-close', 'menu-theme'])
      byTestId(shadow, id).click();
    byTestId(shadow, 'reader').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(onChangeSettings).not.toHaveBeenCalled();
    expect(onSpeech).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(onEscape).not.toHaveBeenCalled();
    expect(byTestId(shadow, 'panel-theme')).toBeNull();
  });

  it('do not reach a form control’s input or change handlers', () => {
    const { shadow } = reader();
    const input = document.createElement('input');
    const heard = vi.fn();
    input.addEventListener('input', heard);
    input.addEventListener('change', heard);
    byTestId(shadow, 'reader').append(input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(heard).not.toHaveBeenCalled();
  });

  it('reach the handlers once the guard is taken off (the events above are ones they answer)', () => {
    const { shadow, onChangeSettings, onEscape } = reader();
    // A second guard, taken off again, leaves the first in place: still blocked.
    ignoreUntrustedEvents(shadow)();
    byTestId(shadow, 'font-larger').click();
    expect(onChangeSettings).not.toHaveBeenCalled();

    const root = document.createElement('div');
    const open = root.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    const clicked = vi.fn();
    button.addEventListener('click', clicked);
    open.append(button);
    document.body.append(root);
    const unguard = ignoreUntrustedEvents(open);
    button.click();
    expect(clicked).not.toHaveBeenCalled();
    unguard();
    button.click();
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(onEscape).not.toHaveBeenCalled();
    root.remove();
  });
});

describe('the article copy reading aloud reads', () => {
  it('has the overlay’s structure, so every block is found in the overlay, and keeps its text when the page rewrites the overlay', () => {
    const { shadow } = reader();
    const shown = shadow.querySelector('article') as Element;
    const copy = renderArticleCopy({
      title: '关于做好城乡建设工作的通知',
      contentHtml: '<p>会议强调，要深入推进城乡建设。</p>',
      attachments: [],
      lang: 'zh-CN',
    } as never);
    const plan = speechPlanOf(copy);
    expect(plan.lang).toBe('zh-CN');
    expect(plan.chunks.map((chunk) => chunk.spoken)).toEqual(
      speechPlanOf(shown).chunks.map((chunk) => chunk.spoken),
    );
    const matched = matchBlocks(plan.blocks, copy, shown);
    expect(matched.every((element) => shown.contains(element))).toBe(true);
    for (const element of shown.querySelectorAll('h1, p'))
      element.textContent = '请立即拨打诈骗电话';
    expect(
      speechPlanOf(copy)
        .chunks.map((chunk) => chunk.spoken)
        .join(''),
    ).not.toContain('诈骗');
  });
});

describe('a settings write storage refused', () => {
  it('is said in the reader’s toolbar while it waits to be retried, and not otherwise', () => {
    const overlay = mountOverlay(document, { css: '', label: '阅读模式', onEscape: vi.fn() });
    const view = (saveFailed: boolean) => (
      <ReaderView
        content={{ problem: 'readerNoArticle' }}
        settings={DEFAULT_SETTINGS}
        onChangeSettings={vi.fn()}
        onClose={vi.fn()}
        speech={IDLE_SPEECH as never}
        onSpeech={vi.fn()}
        onSpeechRate={vi.fn()}
        onReadFrom={vi.fn()}
        saveFailed={saveFailed}
      />
    );
    render(view(true), overlay.container);
    const message = byTestId(overlay.container, 'settings-save-failed');
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toBe('settingsSaveFailed');
    render(view(false), overlay.container);
    expect(byTestId(overlay.container, 'settings-save-failed')).toBeNull();
    overlay.remove();
  });
});
