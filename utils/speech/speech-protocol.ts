/** The values speech messages carry (see utils/messages.ts for the messages themselves). */
import type { SpeechProgress } from './controller';
import type { VoiceInfo } from './voices';

/** What the reader hands the background to read: its chunks, their language, where to start. */
export interface SpeechRequest {
  chunks: string[];
  /** The text's language (zh-Hans, zh-Hant, zh-HK …): the background picks the voice. */
  lang?: string;
  startIndex: number;
  rate: number;
  /** The user's chosen voice, if any (used when it fits the text). */
  voiceName?: string;
}

export type SpeechAction =
  | 'play'
  | 'pause'
  | 'resume'
  | 'toggle'
  | 'stop'
  | 'next'
  | 'previous'
  | 'rate';

export type SpeechStartResult =
  | { ok: true; voiceName: string }
  | { ok: false; reason: 'no-chinese-voice' | 'no-reader' | 'nothing-to-read' };

/** Where reading stands, for the popup and the reader's toolbar. */
export interface SpeechStatus {
  progress: SpeechProgress;
  /** The tab being read, if any. */
  tabId?: number;
  /** True once a voice list was read and held no voice for the text. */
  noChineseVoice: boolean;
  /** True once a voice list was read and only a network voice reads the text (it leaves the computer). */
  networkVoice?: boolean;
}

export interface SpeechVoices {
  /** The Chinese voices installed (empty when there are none). */
  voices: VoiceInfo[];
  noChineseVoice: boolean;
  /** Only a network voice reads the text asked about (see `SpeechStatus.networkVoice`). */
  networkVoice?: boolean;
}

export const IDLE_PROGRESS: SpeechProgress = {
  state: 'idle',
  index: 0,
  total: 0,
  rate: 1,
  speaking: false,
};
