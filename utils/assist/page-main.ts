/**
 * The tools' bundle in a page: takes the tools the background turns on, follows the settings as
 * they change, and gives the caption the site's script (our converter, dictionaries loaded only
 * when the caption is on and a script is chosen).
 */
import { browser } from 'wxt/browser';
import { loadConverter } from '../convert/load-converter';
import { createExtensionLoader } from '../convert/load-extension';
import { sourceScriptOf } from '../convert/script-view';
import { LANG_TAG, type Script } from '../convert/scripts';
import { createMessageListener, injectBundles, sendToBackground } from '../messages';
import { ASSIST_MESSAGES } from '../page-messages';
import type { Settings } from '../settings';
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

/**
 * Where pinyin plugs into the caption: a function from text to what the caption shows. Not wired
 * yet: utils/pinyin gives readings per character, but the caption shows text, not ruby, so it
 * needs a caption that renders ruby first; the caption shows plain text meanwhile (issue 15).
 */
export const captionPinyin: { annotate?: (text: string) => string } = {};

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
  const page = createPageTools(document, speaker);

  const optionsOf = (s: Settings): AssistOptions => ({
    dwellMs: s.pointReadDwellMs,
    captionSizePx: s.captionSizePx,
    captionPosition: s.captionPosition,
    cursorColour: s.cursorColour,
    cursorSizePx: s.cursorSizePx,
    theme: s.theme,
  });

  /** The caption in the site's script: the converter is loaded when first needed. */
  async function updateFormat() {
    const to = tools.includes('caption') ? shownScript() : undefined;
    source ??= sourceScriptOf(
      pageSample(document),
      document.documentElement.lang,
      settings?.sourceScript ?? 'auto',
    );
    const key = `${source}>${to}`;
    if (key === formatKey) return;
    formatKey = key;
    const pinyin = (text: string) => captionPinyin.annotate?.(text) ?? text;
    let format: CaptionFormat = pinyin;
    if (to && source && to !== source) {
      const converter = await loadConverter(source, to, createExtensionLoader(injectBundles));
      format = (text) => pinyin(converter.convert(text));
    }
    if (key === formatKey) page.setCaptionFormat(format);
  }

  const apply = () => {
    if (!settings) return;
    page.set(tools, optionsOf(settings));
    void updateFormat().catch((error) => console.warn('[yidu] caption script', error));
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
      '→page:assist-tools': async ({ tools: next }) => {
        await ready;
        tools = next;
        apply();
        return true as const;
      },
    }),
  );
}
