/**
 * Which voice reads which text. Voices name their language in many ways: BCP 47 tags (`zh-CN`,
 * `zh-TW`, `zh-HK`, `zh-Hant-TW`), underscores (`zh_CN`, Android), and on Linux the ISO 639-3 tags
 * of espeak-ng through speech-dispatcher (`cmn`, `cmn-LATN-PINYIN`, `yue`, `hak`). Mandarin reads
 * simplified text and Taiwan's traditional text; Cantonese is offered first for Hong Kong and Macao.
 */

/** A voice as both engines describe it (chrome.tts `voiceName`/`lang`, SpeechSynthesisVoice `name`/`lang`). */
export interface VoiceInfo {
  name: string;
  lang: string;
  /**
   * False for network voices (Google's in Chrome: chrome.tts `remote`): the text they read is sent
   * to their provider, they need a connection and may stop mid-article.
   */
  localService?: boolean;
}

/** The spoken Chinese languages a voice can have. */
export type ChineseSpeechLanguage = 'cmn' | 'yue' | 'hak' | 'nan';

/** The region a tag names, when it names one (CN, TW, HK, MO, SG). */
type Region = 'CN' | 'TW' | 'HK' | 'MO' | 'SG';

export interface VoiceLanguage {
  language: ChineseSpeechLanguage;
  region?: Region;
  /** `cmn-LATN-PINYIN`: reads Latin letters as pinyin, which garbles English words. */
  latinAsPinyin?: boolean;
}

/** What a voice's language tag says about Chinese, or null when it is not a Chinese voice. */
export function chineseLanguageOfTag(tag: string): VoiceLanguage | null {
  const parts = tag.replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  const [primary, ...rest] = parts;
  const region = rest.find((part) => /^(cn|tw|hk|mo|sg)$/.test(part))?.toUpperCase() as
    | Region
    | undefined;
  const withRegion = (language: ChineseSpeechLanguage, latinAsPinyin = false): VoiceLanguage => ({
    language,
    ...(region && { region }),
    ...(latinAsPinyin && { latinAsPinyin }),
  });
  switch (primary) {
    case 'cmn':
      return withRegion('cmn', rest.includes('pinyin'));
    case 'yue':
      return withRegion('yue');
    case 'hak':
      return withRegion('hak');
    case 'nan':
      return withRegion('nan');
    case 'zh': {
      // zh-yue, zh-hak, zh-min-nan: old-style tags for the other Chinese languages.
      if (rest.includes('yue')) return withRegion('yue');
      if (rest.includes('hak')) return withRegion('hak');
      if (rest.includes('nan') || rest.includes('min')) return withRegion('nan');
      // Hong Kong and Macao voices speak Cantonese (Microsoft's and Apple's zh-HK voices do).
      if (region === 'HK' || region === 'MO') return withRegion('yue');
      return withRegion('cmn', rest.includes('pinyin'));
    }
    default:
      return null;
  }
}

/**
 * The languages to read a text in, best first, from the text's `lang` (zh-Hans, zh-Hant, zh-CN,
 * zh-TW, zh-HK …): Cantonese then Mandarin for Hong Kong and Macao, Mandarin for everything else.
 */
export function speechLanguagesFor(textLang: string | undefined): ChineseSpeechLanguage[] {
  const region = textRegion(textLang);
  return region === 'HK' || region === 'MO' ? ['yue', 'cmn'] : ['cmn'];
}

/** The region a text's lang implies: zh-Hans → CN, zh-Hant → TW, zh-HK → HK. */
function textRegion(textLang: string | undefined): Region {
  const parts = (textLang ?? 'zh-Hans').replace(/_/g, '-').toLowerCase().split('-');
  if (parts.includes('hk')) return 'HK';
  if (parts.includes('mo')) return 'MO';
  if (parts.includes('tw') || parts.includes('hant')) return 'TW';
  if (parts.includes('sg')) return 'SG';
  return 'CN';
}

/**
 * The voice to read a text in, or undefined when none speaks a language the text wants.
 * `preferredName` (the user's choice in the options page) wins when it exists and fits the text.
 */
export function pickVoice(
  voices: readonly VoiceInfo[],
  textLang: string | undefined,
  preferredName?: string,
): VoiceInfo | undefined {
  const wanted = speechLanguagesFor(textLang);
  if (preferredName) {
    const preferred = voices.find((voice) => voice.name === preferredName);
    const language = preferred && chineseLanguageOfTag(preferred.lang)?.language;
    if (preferred && language && wanted.includes(language)) return preferred;
  }
  let best: VoiceInfo | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const voice of voices) {
    const score = voiceScore(voice, wanted, textRegion(textLang));
    if (score > bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return bestScore > Number.NEGATIVE_INFINITY ? best : undefined;
}

/**
 * How well a voice fits: a local voice before any network one (a network voice sends the text to
 * its provider: Hong Kong text is better read by a local Mandarin voice than sent to a Cantonese
 * one), then the language's rank, the region, a plain voice over espeak-ng's novelty variants
 * ("…+whisper"), and Latin read as English.
 */
function voiceScore(voice: VoiceInfo, wanted: ChineseSpeechLanguage[], region: Region): number {
  const language = chineseLanguageOfTag(voice.lang);
  if (!language) return Number.NEGATIVE_INFINITY;
  const rank = wanted.indexOf(language.language);
  if (rank < 0) return Number.NEGATIVE_INFINITY;
  let score = isNetworkVoice(voice) ? 0 : 1000;
  score += (wanted.length - rank) * 100;
  if (language.region === region) score += 20;
  else if (language.region === undefined) score += 10;
  if (!voice.name.includes('+')) score += 4;
  if (!language.latinAsPinyin) score += 2;
  return score;
}

/** The Chinese voices, for the options page's list (every Chinese language, variants included). */
export function chineseVoices(voices: readonly VoiceInfo[]): VoiceInfo[] {
  return voices.filter((voice) => chineseLanguageOfTag(voice.lang) !== null);
}

/** True for a voice that sends what it reads to its provider (see `VoiceInfo.localService`). */
export function isNetworkVoice(voice: VoiceInfo): boolean {
  return voice.localService === false;
}

/**
 * True when this text would be read by a network voice: no local voice reads it (or the user chose
 * a network voice). The popup and options page then say that the text leaves the computer.
 */
export function readsWithNetworkVoice(
  voices: readonly VoiceInfo[],
  textLang: string | undefined,
  preferredName?: string,
): boolean {
  const voice = pickVoice(voices, textLang, preferredName);
  return voice !== undefined && isNetworkVoice(voice);
}

/** True when no voice reads this text: the popup then explains how to add one. */
export function lacksVoiceFor(voices: readonly VoiceInfo[], textLang: string | undefined): boolean {
  return pickVoice(voices, textLang) === undefined;
}

/**
 * Voices load late (Chrome fills the list after the first call, speech-dispatcher takes seconds to
 * start): resolves with the first non-empty list, from the change event or from polling, or with
 * the empty list after `timeoutMs`.
 */
export function waitForVoices(
  source: {
    get(): readonly VoiceInfo[] | Promise<readonly VoiceInfo[]>;
    /** Subscribes to "voices changed"; returns the unsubscribe function. */
    onChange?(listener: () => void): () => void;
  },
  { timeoutMs = 5000, pollMs = 250 } = {},
): Promise<readonly VoiceInfo[]> {
  return new Promise((resolve) => {
    let done = false;
    let poller: ReturnType<typeof setTimeout> | undefined;
    const finish = (voices: readonly VoiceInfo[]) => {
      if (done) return;
      done = true;
      clearTimeout(poller);
      clearTimeout(deadline);
      unsubscribe?.();
      resolve(voices);
    };
    const check = async () => {
      const voices = await source.get();
      if (voices.length > 0) finish(voices);
    };
    const poll = async () => {
      await check();
      if (!done) poller = setTimeout(poll, pollMs);
    };
    const deadline = setTimeout(() => finish([]), timeoutMs);
    const unsubscribe = source.onChange?.(() => void check());
    void poll();
  });
}
