/**
 * How 指读 speaks. Chrome's page `speechSynthesis` refuses to speak before a click on the page
 * (`not-allowed`), and hovering is not a click, so on Chrome the text goes to the background's
 * chrome.tts. Firefox has no chrome.tts and lets a page speak without a click: there the page speaks.
 * (Checked in Firefox ESR with real voices: our content script's speechSynthesis speaks on a hover
 * in a page that never had a click or key press, as does the page's own script; the background
 * page's would too, but in the page 指读 shares one synthesis with the reader's reading aloud, and
 * the page engines take it over from each other cleanly: utils/speech/engine.ts.)
 */

import { chunkText } from '../speech/chunk';
import { createSpeechController } from '../speech/controller';
import { createWebSpeechEngine } from '../speech/engine';
import type { SpeechRequest } from '../speech/speech-protocol';
import { toSpokenForm } from '../speech/spoken-forms';
import { pickVoice } from '../speech/voices';
import type { Speaker } from './page-tools';

export interface SpeakerSettings {
  rate: number;
  voiceName: string;
  /** The text's language (zh-Hans, zh-TW, zh-HK …), for the voice. */
  lang: string;
}

/** Sentences in the reader's chunks, with dates, numbers and the like in their spoken forms. */
export function spokenChunks(text: string): string[] {
  return chunkText(text).map(toSpokenForm);
}

/** Speaks through the background (Chrome): `send` carries the request, `hush` stops it. */
export function createBackgroundSpeaker(
  current: () => SpeakerSettings,
  send: { speak(request: SpeechRequest): Promise<unknown>; hush(): Promise<unknown> },
): Speaker {
  let saying = false;
  return {
    say(text) {
      const chunks = spokenChunks(text);
      if (chunks.length === 0) return;
      const { rate, voiceName, lang } = current();
      saying = true;
      void send
        .speak({ chunks, lang, startIndex: 0, rate, ...(voiceName && { voiceName }) })
        .catch(() => undefined);
    },
    hush() {
      if (!saying) return;
      saying = false;
      void send.hush().catch(() => undefined);
    },
  };
}

/** Speaks in the page with speechSynthesis (Firefox). */
export function createPageSpeaker(current: () => SpeakerSettings): Speaker {
  const engine = createWebSpeechEngine({
    synthesis: globalThis.speechSynthesis,
    createUtterance: (text) => new SpeechSynthesisUtterance(text),
  });
  const controller = createSpeechController(engine);
  return {
    say(text) {
      const chunks = spokenChunks(text);
      if (chunks.length === 0) return;
      const { rate, voiceName, lang } = current();
      void engine.getVoices().then((voices) => {
        const voice = pickVoice(voices, lang, voiceName || undefined);
        controller.load(chunks, voice ? { lang: voice.lang, voiceName: voice.name } : { lang });
        controller.setRate(rate);
        controller.play(0);
      });
    },
    hush() {
      controller.stop();
    },
  };
}
