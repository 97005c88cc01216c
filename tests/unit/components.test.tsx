/**
 * The options view, the reader view and the speech controls rendered in jsdom with their props (no browser): what a
 * user sees and what each control reports back.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsView, type OptionsViewProps } from '../../components/options-view';
import { ReaderView, type ReaderViewProps } from '../../components/reader-view';
import { SpeechControls, type SpeechView } from '../../components/speech-controls';
import type { Article } from '../../utils/extract/extract-article';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import {
  byTestId,
  installDom,
  renderInto,
  settle,
  useZhMessages,
  zhMessage,
} from './render-helpers';

beforeEach(() => {
  installDom();
  fakeBrowser.reset();
  useZhMessages();
});

function optionsProps(change: Partial<OptionsViewProps> = {}): OptionsViewProps {
  return {
    settings: DEFAULT_SETTINGS,
    voices: [],
    shortcuts: [{ name: 'toggle-reader', description: '打开或关闭阅读模式', shortcut: '' }],
    onChange: vi.fn(),
    onAddSite: vi.fn(async () => 'invalid' as const),
    onChangeSite: vi.fn(),
    onRemoveSite: vi.fn(),
    onReset: vi.fn(),
    ...change,
  };
}

describe('the options view', () => {
  it('reports a new text size, says there is no Chinese voice, and shows unset shortcuts', async () => {
    const props = optionsProps();
    const { container } = await renderInto(<OptionsView {...props} />);
    const size = byTestId(container, 'options-font-size') as HTMLSelectElement;
    expect(size.value).toBe(String(DEFAULT_SETTINGS.fontSizePx));
    size.value = '32';
    await act(() => {
      size.dispatchEvent(new window.Event('change', { bubbles: true }));
    });
    expect(props.onChange).toHaveBeenCalledWith({ fontSizePx: 32 });
    expect(byTestId(container, 'options-no-voice')?.textContent).toBe(zhMessage('speechNoVoice'));
    expect(byTestId(container, 'options-shortcuts')?.textContent).toContain('未设置');
    expect(byTestId(container, 'options-sites-empty')?.textContent).toBe('还没有设置任何网站。');
  });

  it('adding a site says what happened: refused input as an alert, an added host as a status', async () => {
    // As the options page does: the host as stored, not the text as typed.
    const onAddSite = vi.fn(async (input: string) =>
      input.includes('.gov.') ? { added: new URL(input.trim()).hostname } : ('invalid' as const),
    );
    const { container } = await renderInto(<OptionsView {...optionsProps({ onAddSite })} />);
    const input = byTestId(container, 'options-site-input') as HTMLInputElement;
    const submit = async (value: string) => {
      input.value = value;
      await act(() => {
        input.dispatchEvent(new window.Event('input', { bubbles: true }));
      });
      await act(() => byTestId(container, 'options-site-add')?.click());
      await settle();
    };
    await submit('not a host');
    const message = () => byTestId(container, 'options-site-message');
    expect(message()?.getAttribute('role')).toBe('alert');
    expect(message()?.textContent).toBe(zhMessage('optionsInvalidHost'));
    await submit(' https://www.example.gov.cn/zwgk/index.html ');
    expect(onAddSite).toHaveBeenLastCalledWith(' https://www.example.gov.cn/zwgk/index.html ');
    expect(message()?.getAttribute('role')).toBe('status');
    expect(message()?.textContent).toBe('已添加 www.example.gov.cn');
    expect(input.value).toBe('');
  });

  it('the tools on by default: turning the ruler on turns the guide lines off (one reading guide)', async () => {
    const props = optionsProps({
      settings: { ...DEFAULT_SETTINGS, assistDefaults: ['caption', 'guides'] },
    });
    const { container } = await renderInto(<OptionsView {...props} />);
    expect(byTestId(container, 'options-assist-guides')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId(container, 'options-assist-ruler')?.getAttribute('aria-pressed')).toBe('false');
    await act(() => byTestId(container, 'options-assist-ruler')?.click());
    expect(props.onChange).toHaveBeenLastCalledWith({ assistDefaults: ['caption', 'ruler'] });
  });
});

describe('the speech controls', () => {
  const view = (state: SpeechView['state'], index = 0): SpeechView => ({
    state,
    index,
    total: 4,
    speaking: state !== 'idle',
    noChineseVoice: false,
  });

  it('a focused button that becomes disabled hands the focus to the play button', async () => {
    const onCommand = vi.fn();
    const controls = (speech: SpeechView) => (
      <SpeechControls speech={speech} rate={1} onCommand={onCommand} onRate={vi.fn()} />
    );
    const { container } = await renderInto(controls(view('playing', 1)));
    const stop = byTestId(container, 'speech-stop') as HTMLButtonElement;
    stop.focus();
    await act(() => stop.click());
    expect(onCommand).toHaveBeenCalledWith('stop');
    // Reading stopped: 停止 is disabled now.
    await act(() => render(controls(view('idle')), container));
    expect(stop.disabled).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('speech-play');
  });

  it('shows progress and the buttons that apply: no 上一句 on the first sentence', async () => {
    const { container } = await renderInto(
      <SpeechControls
        speech={view('playing', 0)}
        rate={1.2}
        onCommand={vi.fn()}
        onRate={vi.fn()}
      />,
    );
    expect(byTestId(container, 'speech-progress')?.textContent).toBe('第 1/4 句');
    expect((byTestId(container, 'speech-previous') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId(container, 'speech-next') as HTMLButtonElement).disabled).toBe(false);
    expect(byTestId(container, 'speech-rate-value')?.textContent).toBe('语速 1.2');
  });
});

describe('the reader view', () => {
  const article: Article = {
    title: '关于参保缴费的通知',
    siteName: '资阳市人民政府',
    publishedAt: '2026-09-19',
    source: '市医疗保障局',
    contentHtml: '<p>各区县人民政府：</p><p>现将有关事项通知如下。<a href="/a.pdf">附件</a></p>',
    textContent: '各区县人民政府：\n现将有关事项通知如下。附件',
    lang: 'zh-Hans',
    attachments: [],
  };
  const idle: SpeechView = {
    state: 'idle',
    index: 0,
    total: 0,
    speaking: false,
    noChineseVoice: false,
  };
  const readerProps = (change: Partial<ReaderViewProps> = {}): ReaderViewProps => ({
    content: { article },
    settings: DEFAULT_SETTINGS,
    onChangeSettings: vi.fn(),
    onClose: vi.fn(),
    speech: idle,
    onSpeech: vi.fn(),
    onSpeechRate: vi.fn(),
    onReadFrom: vi.fn(),
    ...change,
  });

  it('shows the title, the header card and the body; a click reads from there only while reading', async () => {
    const props = readerProps();
    const { container } = await renderInto(<ReaderView {...props} />);
    expect(byTestId(container, 'reader-title')?.textContent).toBe('关于参保缴费的通知');
    const card = container.querySelector('.yd-meta')?.textContent ?? '';
    expect(card).toContain('2026-09-19');
    expect(card).toContain('市医疗保障局');
    const paragraphs = byTestId(container, 'reader-content')?.querySelectorAll('p') ?? [];
    expect([...paragraphs].map((p) => p.textContent)).toEqual([
      '各区县人民政府：',
      '现将有关事项通知如下。附件',
    ]);
    await act(() => (paragraphs[0] as HTMLElement).click());
    expect(props.onReadFrom).not.toHaveBeenCalled();

    const reading = readerProps({ speech: { ...idle, state: 'playing', total: 3 } });
    const second = await renderInto(<ReaderView {...reading} />);
    const body = byTestId(second.container, 'reader-content') as HTMLElement;
    const paragraph = body.querySelector('p') as HTMLElement;
    await act(() => paragraph.click());
    expect(reading.onReadFrom).toHaveBeenCalledWith(paragraph);
    await act(() => (body.querySelector('a') as HTMLElement).click());
    expect(reading.onReadFrom).toHaveBeenCalledTimes(1);
    await act(() => byTestId(second.container, 'reader-close')?.click());
    expect(reading.onClose).toHaveBeenCalled();
  });

  it('without an article: the message, and no reading controls', async () => {
    const { container } = await renderInto(
      <ReaderView {...readerProps({ content: { problem: 'readerNoArticle' } })} />,
    );
    expect(byTestId(container, 'reader-problem')?.textContent).toBe(zhMessage('readerNoArticle'));
    expect(byTestId(container, 'speech-play')).toBeNull();
    const working = await renderInto(
      <ReaderView {...readerProps({ content: { working: 'readerWorking' } })} />,
    );
    expect(byTestId(working.container, 'reader-working')?.textContent).toBe(
      '这一页很长，正在整理文章，请稍候……',
    );
  });

  it('a panel opens from the toolbar; Esc in it closes it and gives the focus back to its button', async () => {
    const { container } = await renderInto(<ReaderView {...readerProps()} />);
    const themeButton = byTestId(container, 'menu-theme') as HTMLButtonElement;
    await act(() => themeButton.click());
    const panel = byTestId(container, 'panel-theme');
    expect(panel).not.toBeNull();
    await act(() => {
      panel?.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(byTestId(container, 'panel-theme')).toBeNull();
    expect(document.activeElement).toBe(themeButton);
  });
});
