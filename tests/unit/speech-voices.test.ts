import { describe, expect, it } from 'vitest';
import {
  chineseLanguageOfTag,
  chineseVoices,
  lacksVoiceFor,
  pickVoice,
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
