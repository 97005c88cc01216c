/**
 * The tools' bundle in a page: takes the tools the background turns on, follows the settings as
 * they change, and gives the caption the site's script (our converter, dictionaries loaded only
 * when the caption is on and a script is chosen) and, when pinyin is on, the readings (the pinyin
 * bundle, and Jyutping's for Hong Kong text, loaded only then).
 */
import { browser } from 'wxt/browser';
import { createCodeLoader } from '../bundles';
import { loadConverter } from '../convert/load-converter';
import { createExtensionLoader } from '../convert/load-extension';
import { sourceScriptOf } from '../convert/script-view';
import { LANG_TAG, type Script } from '../convert/scripts';
import { createMessageListener, injectBundles, sendToBackground } from '../messages';
import { ASSIST_MESSAGES } from '../page-messages';
import type { PinyinMode } from '../pinyin/modes';
import { pinyinModeFor, type Settings } from '../settings';
import { loadSettings, watchSettings } from '../settings-storage';
import { collapse } from './describe';
import {
  type AssistOptions,
  type CaptionFormat,
  createPageTools,
  type Speaker,
} from './page-tools';
import { createBackgroundSpeaker, createPageSpeaker, type SpeakerSettings } from './speaker';
import type { AssistTool } from './tools';

/** A sample of the page's text (bounded: a huge page is not read whole) for detecting its script. */
function pageSample(document: Document, max = 4000): string {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 4);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    text += node.nodeValue ?? '';
  }
  return collapse(text);
}

export function startAssistPage(document: Document, isFirefox: boolean): void {
  const window = document.defaultView as Window & typeof globalThis;
  const host = window.location.hostname;
  let settings: Settings | undefined;
  let tools: AssistTool[] = [];
  let source: Script | undefined;
  let formatKey = '';

  const shownScript = (): Script | undefined => {
    if (!settings) return undefined;
    const choice = settings.sites[host]?.script ?? settings.script;
    return choice === 'original' ? undefined : choice;
  };
  const speakerSettings = (): SpeakerSettings => {
    const script = shownScript() ?? source;
    return {
      rate: settings?.speechRate ?? 1,
      voiceName: settings?.speechVoice ?? '',
      lang: script ? LANG_TAG[script] : document.documentElement.lang || 'zh-CN',
    };
  };
  const speaker: Speaker = isFirefox
    ? createPageSpeaker(speakerSettings)
    : createBackgroundSpeaker(speakerSettings, {
        speak: (request) => sendToBackground({ type: 'content→background:assist-speak', request }),
        hush: () => sendToBackground({ type: 'content→background:assist-hush' }),
      });
  const page = createPageTools(document, speaker, {
    url: browser.runtime.getURL('/caption-frame.html'),
    // Chrome frames it from a dynamic URL, but its document has the extension's own origin.
    origin: isFirefox
      ? browser.runtime.getURL('/').replace(/\/$/, '')
      : `chrome-extension://${browser.runtime.id}`,
  });
  const loader = createExtensionLoader(injectBundles);
  const loadCode = createCodeLoader(injectBundles);

  /** The pinyin the user set over this page (popup → 给网页加拼音), when set here. */
  let pagePinyin: PinyinMode | undefined;
  /**
   * The caption's pinyin: what the user set over this page, else the site's "always" mode, else
   * the reader's (off, rare, all).
   */
  const pinyinOf = (s: Settings): PinyinMode => pagePinyin ?? pinyinModeFor(s, host);

  const optionsOf = (s: Settings): AssistOptions => ({
    dwellMs: s.pointReadDwellMs,
    captionSizePx: s.captionSizePx,
    captionPosition: s.captionPosition,
    cursorColour: s.cursorColour,
    cursorSizePx: s.cursorSizePx,
    theme: s.theme,
    captionPinyin: pinyinOf(s) !== 'off',
  });

  /**
   * The caption in the site's script, with pinyin when it is on: the converter and the pinyin
   * engine are loaded when first needed, only while the caption is on.
   */
  async function updateFormat() {
    const caption = tools.includes('caption');
    const to = caption ? shownScript() : undefined;
    source ??= sourceScriptOf(
      pageSample(document),
      document.documentElement.lang,
      settings?.sourceScript ?? 'auto',
    );
    const mode = caption && settings ? pinyinOf(settings) : 'off';
    const jyutpingForHongKong = settings?.jyutpingForHongKong !== false;
    const key = `${source}>${to}:${mode}:${jyutpingForHongKong}`;
    if (key === formatKey) return;
    formatKey = key;
    const converter =
      to && source && to !== source ? await loadConverter(source, to, loader) : undefined;
    const script = converter ? to : source;
    const read =
      mode === 'off'
        ? undefined
        : await (await loadCode('pinyin-engine')).createScriptReader(
            {
              loader,
              loadJyutping: async () => (await loadCode('jyutping-engine')).jyutpingSource,
            },
            { mode, script: script ?? 'cn', jyutpingForHongKong },
          );
    const format: CaptionFormat = (text) => {
      const shown = converter ? converter.convert(text) : text;
      return { text: shown, readings: read?.(shown) };
    };
    if (key === formatKey) page.setCaptionFormat(format);
  }

  const apply = () => {
    if (!settings) return;
    page.set(tools, optionsOf(settings));
    void updateFormat().catch((error) => {
      // Tried again at the next change (of the tools or the settings).
      formatKey = '';
      console.warn('[yidu] caption script or pinyin', error);
    });
  };

  const ready = loadSettings().then((loaded) => {
    settings = loaded;
  });
  watchSettings((changed) => {
    settings = changed;
    apply();
  });
  browser.runtime.onMessage.addListener(
    createMessageListener(ASSIST_MESSAGES, {
      '→page:assist-tools': async ({ tools: next, pagePinyin: pinyin }) => {
        await ready;
        tools = next;
        pagePinyin = pinyin;
        apply();
        return true as const;
      },
    }),
  );
}
