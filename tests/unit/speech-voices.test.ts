import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createBackgroundSpeech } from '../../utils/speech/background-speech';
import type { SpeechEngine } from '../../utils/speech/engine';
import { createReaderSpeech } from '../../utils/speech/reader-speech';
import {
  chineseLanguageOfTag,
  chineseVoices,
  isNetworkVoice,
  lacksVoiceFor,
  pickVoice,
  readsWithNetworkVoice,
  speechLanguagesFor,
  type VoiceInfo,
  waitForVoices,
} from '../../utils/speech/voices';

describe('chineseLanguageOfTag', () => {
  const cases: [string, ReturnType<typeof chineseLanguageOfTag>][] = [
    ['cmn', { language: 'cmn' }],
    ['cmn-LATN-PINYIN', { language: 'cmn', latinAsPinyin: true }],
    ['yue', { language: 'yue' }],
    ['hak', { language: 'hak' }],
    ['zh', { language: 'cmn' }],
    ['zh-CN', { language: 'cmn', region: 'CN' }],
    ['zh_CN', { language: 'cmn', region: 'CN' }],
    ['zh-TW', { language: 'cmn', region: 'TW' }],
    ['zh-Hant-TW', { language: 'cmn', region: 'TW' }],
    ['cmn-Hans-CN', { language: 'cmn', region: 'CN' }],
    ['zh-HK', { language: 'yue', region: 'HK' }],
    ['zh-yue', { language: 'yue' }],
    ['yue-Hant-HK', { language: 'yue', region: 'HK' }],
    ['nan-TW', { language: 'nan', region: 'TW' }],
    ['en-US', null],
    ['ja-JP', null],
    ['', null],
  ];
  for (const [tag, expected] of cases) {
    it(`${tag || '(empty)'}`, () => expect(chineseLanguageOfTag(tag)).toEqual(expected));
  }
});

describe('speechLanguagesFor', () => {
  it('reads simplified and Taiwan text in Mandarin, Hong Kong text in Cantonese first', () => {
    expect(speechLanguagesFor('zh-Hans')).toEqual(['cmn']);
    expect(speechLanguagesFor('zh-CN')).toEqual(['cmn']);
    expect(speechLanguagesFor('zh-TW')).toEqual(['cmn']);
    expect(speechLanguagesFor('zh-Hant')).toEqual(['cmn']);
    expect(speechLanguagesFor('zh-HK')).toEqual(['yue', 'cmn']);
    expect(speechLanguagesFor('zh-Hant-MO')).toEqual(['yue', 'cmn']);
    expect(speechLanguagesFor(undefined)).toEqual(['cmn']);
  });
});

/** What Chromium lists on Debian with speech-dispatcher and espeak-ng (a sample). */
const LINUX_VOICES: VoiceInfo[] = [
  { name: 'English (America) espeak-ng', lang: 'en-US' },
  { name: 'Chinese (Cantonese)+Demonic espeak-ng', lang: 'yue' },
  { name: 'Chinese (Cantonese) espeak-ng', lang: 'yue' },
  { name: 'Chinese (Cantonese, latin as Jyutping) espeak-ng', lang: 'yue' },
  { name: 'Chinese (Mandarin, latin as Pinyin) espeak-ng', lang: 'cmn-LATN-PINYIN' },
  { name: 'Chinese (Mandarin, latin as English)+whisper espeak-ng', lang: 'cmn' },
  { name: 'Chinese (Mandarin, latin as English) espeak-ng', lang: 'cmn' },
  { name: 'Hakka Chinese espeak-ng', lang: 'hak' },
];

/** What Windows and Chrome list: Microsoft's local voices and Google's network ones. */
const WINDOWS_VOICES: VoiceInfo[] = [
  { name: 'Google 普通话（中国大陆）', lang: 'zh-CN', localService: false },
  { name: 'Microsoft Huihui - Chinese (Simplified, PRC)', lang: 'zh-CN', localService: true },
  { name: 'Microsoft Hanhan - Chinese (Traditional, Taiwan)', lang: 'zh-TW', localService: true },
  { name: 'Microsoft Tracy - Chinese (Traditional, Hong Kong)', lang: 'zh-HK', localService: true },
  { name: 'Google 粤語（香港）', lang: 'zh-HK', localService: false },
];

describe('pickVoice', () => {
  const cases: [string, VoiceInfo[], string | undefined, string | undefined][] = [
    [
      'Linux, simplified: plain Mandarin',
      LINUX_VOICES,
      'zh-Hans',
      'Chinese (Mandarin, latin as English) espeak-ng',
    ],
    [
      'Linux, Taiwan: Mandarin',
      LINUX_VOICES,
      'zh-TW',
      'Chinese (Mandarin, latin as English) espeak-ng',
    ],
    ['Linux, Hong Kong: Cantonese', LINUX_VOICES, 'zh-HK', 'Chinese (Cantonese) espeak-ng'],
    [
      'Windows, simplified: the local mainland voice',
      WINDOWS_VOICES,
      'zh-Hans',
      'Microsoft Huihui - Chinese (Simplified, PRC)',
    ],
    [
      'Windows, Taiwan: the Taiwan voice',
      WINDOWS_VOICES,
      'zh-TW',
      'Microsoft Hanhan - Chinese (Traditional, Taiwan)',
    ],
    [
      'Windows, traditional without region: Taiwan Mandarin',
      WINDOWS_VOICES,
      'zh-Hant',
      'Microsoft Hanhan - Chinese (Traditional, Taiwan)',
    ],
    [
      'Windows, Hong Kong: the local Cantonese voice',
      WINDOWS_VOICES,
      'zh-HK',
      'Microsoft Tracy - Chinese (Traditional, Hong Kong)',
    ],
    [
      'Hong Kong text with Mandarin only: Mandarin',
      LINUX_VOICES.filter((v) => v.lang !== 'yue'),
      'zh-HK',
      'Chinese (Mandarin, latin as English) espeak-ng',
    ],
    [
      'Mainland text with Cantonese only: none',
      LINUX_VOICES.filter((v) => !v.lang.startsWith('cmn')),
      'zh-Hans',
      undefined,
    ],
    ['no voices', [], 'zh-Hans', undefined],
  ];
  for (const [name, voices, lang, expected] of cases) {
    it(name, () => expect(pickVoice(voices, lang)?.name).toBe(expected));
  }

  it("keeps the user's choice when it fits the text", () => {
    const chosen = 'Chinese (Mandarin, latin as Pinyin) espeak-ng';
    expect(pickVoice(LINUX_VOICES, 'zh-Hans', chosen)?.name).toBe(chosen);
    // A Cantonese voice chosen for Hong Kong pages is not used for a mainland page.
    expect(pickVoice(LINUX_VOICES, 'zh-Hans', 'Chinese (Cantonese) espeak-ng')?.name).toBe(
      'Chinese (Mandarin, latin as English) espeak-ng',
    );
    // A voice that is gone (uninstalled) falls back to the best one.
    expect(pickVoice(LINUX_VOICES, 'zh-Hans', 'Gone')?.name).toBe(
      'Chinese (Mandarin, latin as English) espeak-ng',
    );
  });
});

describe('network voices (their text goes to their provider)', () => {
  /** Chrome on Linux with espeak-ng, and with Google's network voices (chrome.tts `remote`). */
  const LINUX_AND_GOOGLE: VoiceInfo[] = [
    { name: 'Google 普通话（中国大陆）', lang: 'zh-CN', localService: false },
    { name: 'Google 國語（臺灣）', lang: 'zh-TW', localService: false },
    { name: 'Google 粤語（香港）', lang: 'zh-HK', localService: false },
    ...LINUX_VOICES,
  ];
  const NETWORK_ONLY = LINUX_AND_GOOGLE.filter(isNetworkVoice);

  it.each([
    ['zh-Hans', 'Chinese (Mandarin, latin as English) espeak-ng'],
    ['zh-TW', 'Chinese (Mandarin, latin as English) espeak-ng'],
    ['zh-HK', 'Chinese (Cantonese) espeak-ng'],
  ])(
    'a local voice reads %s, even one of no region against a network voice of the region',
    (lang, expected) => {
      expect(pickVoice(LINUX_AND_GOOGLE, lang)?.name).toBe(expected);
      expect(readsWithNetworkVoice(LINUX_AND_GOOGLE, lang)).toBe(false);
    },
  );

  it('a local Mandarin voice reads Hong Kong text before a network Cantonese one', () => {
    const voices = LINUX_AND_GOOGLE.filter((voice) => voice.lang !== 'yue');
    expect(pickVoice(voices, 'zh-HK')?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
  });

  it('a network voice reads only when no local voice can, and that is reported', () => {
    expect(pickVoice(NETWORK_ONLY, 'zh-Hans')?.name).toBe('Google 普通话（中国大陆）');
    expect(readsWithNetworkVoice(NETWORK_ONLY, 'zh-Hans')).toBe(true);
    expect(readsWithNetworkVoice(NETWORK_ONLY, 'zh-HK')).toBe(true);
    // Windows: Microsoft's local voices are there beside Google's.
    expect(readsWithNetworkVoice(WINDOWS_VOICES, 'zh-Hans')).toBe(false);
    // No voice at all is another message (how to add one), not this one.
    expect(readsWithNetworkVoice([], 'zh-Hans')).toBe(false);
  });

  it('a network voice the user chose is used, and reported', () => {
    const chosen = 'Google 國語（臺灣）';
    expect(pickVoice(LINUX_AND_GOOGLE, 'zh-TW', chosen)?.name).toBe(chosen);
    expect(readsWithNetworkVoice(LINUX_AND_GOOGLE, 'zh-TW', chosen)).toBe(true);
  });
});

describe('the background tells the popup when a network voice reads', () => {
  /** The background's service over an engine that lists `voices` and says nothing. */
  const serviceWith = (voices: VoiceInfo[]) => {
    const engine: SpeechEngine = {
      speak: () => {},
      cancel: () => {},
      getVoices: async () => voices,
    };
    return createBackgroundSpeech({
      engine,
      sendProgress: async () => undefined,
      sendStop: async () => undefined,
      requestPlan: async () => null,
      voiceTimeoutMs: 50,
    });
  };
  const request = { chunks: ['通知'], lang: 'zh-Hans', startIndex: 0, rate: 1 };
  const google = WINDOWS_VOICES.filter(isNetworkVoice);

  it('before the first play (the popup polls the status), and when reading starts', async () => {
    const speech = serviceWith(google);
    speech.status(1);
    await expect.poll(() => speech.status(1).networkVoice).toBe(true);
    await speech.start(1, request);
    expect(speech.status(1).networkVoice).toBe(true);
    expect((await speech.voices('zh-Hans')).networkVoice).toBe(true);
  });

  it('not with a local voice', async () => {
    const speech = serviceWith(WINDOWS_VOICES);
    speech.status(1);
    await speech.start(1, request);
    expect(speech.status(1).networkVoice).toBe(false);
    expect((await speech.voices('zh-HK')).networkVoice).toBeUndefined();
  });
});

describe('the reader reading in the page (Firefox) says it too', () => {
  const readWith = async (voices: VoiceInfo[]) => {
    const { document } = new JSDOM(
      '<article lang="zh-Hans"><p>关于做好春季森林防火工作的通知。</p></article>',
    ).window;
    const speech = createReaderSpeech({
      article: () => document.querySelector('article'),
      mode: 'page',
      pageEngine: { speak: () => {}, cancel: () => {}, getVoices: async () => voices },
      settings: () => ({ rate: 1 }),
      reducedMotion: () => true,
      voiceTimeoutMs: 50,
    });
    await speech.play();
    return speech.state();
  };

  it('with only a network voice', async () => {
    expect((await readWith(WINDOWS_VOICES.filter(isNetworkVoice))).networkVoice).toBe(true);
  });

  it('not with a local one', async () => {
    const state = await readWith(WINDOWS_VOICES);
    expect(state.state).toBe('playing');
    expect(state.networkVoice).toBeUndefined();
  });
});

describe('no Chinese voice', () => {
  it('is reported when only other languages are installed', () => {
    const english = [{ name: 'English (America) espeak-ng', lang: 'en-US' }];
    expect(lacksVoiceFor(english, 'zh-Hans')).toBe(true);
    expect(lacksVoiceFor([], 'zh-Hans')).toBe(true);
    expect(lacksVoiceFor(LINUX_VOICES, 'zh-Hans')).toBe(false);
    expect(chineseVoices(LINUX_VOICES)).toHaveLength(7);
  });
});

describe('waitForVoices', () => {
  it('resolves on the change event when the list fills late', async () => {
    let voices: VoiceInfo[] = [];
    let changed: (() => void) | undefined;
    const waiting = waitForVoices(
      {
        get: () => voices,
        onChange: (listener) => {
          changed = listener;
          return () => {
            changed = undefined;
          };
        },
      },
      { timeoutMs: 2000, pollMs: 10_000 },
    );
    voices = LINUX_VOICES;
    changed?.();
    await expect(waiting).resolves.toBe(LINUX_VOICES);
    expect(changed).toBeUndefined();
  });

  it('polls when there is no change event', async () => {
    let calls = 0;
    const voices = await waitForVoices(
      { get: async () => (++calls >= 3 ? LINUX_VOICES : []) },
      { timeoutMs: 2000, pollMs: 5 },
    );
    expect(voices).toBe(LINUX_VOICES);
    expect(calls).toBe(3);
  });

  it('gives up with no voices after the timeout', async () => {
    await expect(waitForVoices({ get: () => [] }, { timeoutMs: 30, pollMs: 5 })).resolves.toEqual(
      [],
    );
  });
});
