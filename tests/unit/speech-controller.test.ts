import { describe, expect, it } from 'vitest';
import { createSpeechController } from '../../utils/speech/controller';
import type { SpeechEngine, Utterance, UtteranceEvents } from '../../utils/speech/engine';
import { SPEECH_RATES, snapRate, stepRate } from '../../utils/speech/speech-rate';

/**
 * An engine the test drives by hand: it records what it was asked to say, and `start()`, `end()`,
 * `fail()` play the engine's events for the utterance in progress, as a voice would.
 */
function scriptedEngine() {
  const said: Utterance[] = [];
  let current: { utterance: Utterance; events: UtteranceEvents } | null = null;
  let cancels = 0;
  const engine: SpeechEngine = {
    speak(utterance, events) {
      said.push(utterance);
      current = { utterance, events };
    },
    cancel() {
      cancels += 1;
      current = null;
    },
    getVoices: async () => [],
  };
  return {
    engine,
    said,
    cancels: () => cancels,
    speaking: () => current?.utterance.text,
    start: () => current?.events.onStart(),
    end: () => {
      const events = current?.events;
      current = null;
      events?.onEnd();
    },
    fail: (error: string) => current?.events.onError(error),
  };
}

const CHUNKS = ['第一句。', '第二句。', '第三句。', '第四句。'];
const VOICE = { lang: 'cmn', voiceName: 'Chinese (Mandarin, latin as English) espeak-ng' };

function loaded(rate = 1) {
  const script = scriptedEngine();
  const controller = createSpeechController(script.engine, { rate });
  const causes: string[] = [];
  controller.subscribe((progress, cause) =>
    causes.push(`${cause}:${progress.state}:${progress.index}`),
  );
  controller.load(CHUNKS, VOICE);
  causes.length = 0;
  return { script, controller, causes };
}

describe('speech controller', () => {
  it('a new play reports speaking only after the engine starts the new chunk, not from the last one', () => {
    const { script, controller } = loaded();
    const seen: boolean[] = [];
    controller.play();
    script.start();
    expect(controller.progress().speaking).toBe(true);
    controller.stop();
    controller.subscribe((progress) => seen.push(progress.speaking));
    controller.play(1);
    expect(seen).toEqual([false]);
    expect(controller.progress().speaking).toBe(false);
    script.start();
    expect(controller.progress().speaking).toBe(true);
  });

  it('reads every chunk in order with the chosen voice and rate, then goes idle', () => {
    const { script, controller, causes } = loaded(1.2);
    controller.play();
    for (const chunk of CHUNKS) {
      expect(script.speaking()).toBe(chunk);
      script.start();
      script.end();
    }
    expect(script.said.map((utterance) => utterance.text)).toEqual(CHUNKS);
    expect(script.said[0]).toEqual({
      text: '第一句。',
      lang: 'cmn',
      voiceName: VOICE.voiceName,
      rate: 1.2,
    });
    expect(controller.progress()).toEqual({
      state: 'idle',
      index: 0,
      total: 4,
      rate: 1.2,
      speaking: false,
    });
    expect(causes).toEqual([
      'control:playing:0',
      'start:playing:0',
      'end:playing:0',
      'start:playing:1',
      'end:playing:1',
      'start:playing:2',
      'end:playing:2',
      'start:playing:3',
      'end:playing:3',
      'finished:idle:0',
    ]);
  });

  it('pauses by cancelling and resumes from the start of the same chunk', () => {
    const { script, controller } = loaded();
    controller.play();
    expect(controller.progress().speaking).toBe(false);
    script.start();
    expect(controller.progress().speaking).toBe(true);
    script.end();
    script.start();
    controller.pause();
    expect(controller.progress().speaking).toBe(false);
    expect(script.speaking()).toBeUndefined();
    expect(controller.progress()).toMatchObject({ state: 'paused', index: 1 });
    // Late events of the cancelled utterance change nothing.
    script.end();
    expect(controller.progress()).toMatchObject({ state: 'paused', index: 1 });
    controller.resume();
    expect(script.speaking()).toBe('第二句。');
    expect(controller.progress()).toMatchObject({ state: 'playing', index: 1 });
  });

  it('ignores events from an utterance that was replaced', () => {
    const { script, controller } = loaded();
    controller.play();
    const first = script.said.length;
    controller.next();
    expect(script.said.length).toBe(first + 1);
    expect(controller.progress().index).toBe(1);
    script.end();
    expect(controller.progress().index).toBe(2);
  });

  it('moves to the next and previous sentence while reading, and while paused', () => {
    const { script, controller } = loaded();
    controller.play();
    controller.next();
    controller.next();
    expect(script.speaking()).toBe('第三句。');
    controller.previous();
    expect(script.speaking()).toBe('第二句。');
    controller.pause();
    controller.next();
    expect(controller.progress()).toMatchObject({ state: 'paused', index: 2 });
    expect(script.speaking()).toBeUndefined();
    controller.previous();
    controller.previous();
    controller.previous();
    expect(controller.progress().index).toBe(0);
    controller.resume();
    expect(script.speaking()).toBe('第一句。');
  });

  it('starts from a given chunk (the paragraph the user clicked)', () => {
    const { script, controller } = loaded();
    controller.play(2);
    expect(script.speaking()).toBe('第三句。');
    controller.play(99);
    expect(script.speaking()).toBe('第四句。');
  });

  it('stops: silence, back to the first chunk, idle', () => {
    const { script, controller, causes } = loaded();
    controller.play(1);
    controller.stop();
    expect(script.speaking()).toBeUndefined();
    expect(controller.progress()).toMatchObject({ state: 'idle', index: 0 });
    expect(causes.at(-1)).toBe('control:idle:0');
  });

  it('changes the rate on the 0.1 grid and says the current chunk again at the new rate', () => {
    const { script, controller } = loaded();
    controller.play();
    controller.setRate(1.26);
    expect(controller.progress().rate).toBe(1.3);
    expect(script.said.at(-1)).toMatchObject({ text: '第一句。', rate: 1.3 });
    controller.setRate(5);
    expect(controller.progress().rate).toBe(2);
    controller.setRate(0.1);
    expect(controller.progress().rate).toBe(0.5);
  });

  it('stops at an engine error and reports it; play clears it', () => {
    const { script, controller, causes } = loaded();
    controller.play();
    script.fail('synthesis-failed');
    expect(controller.progress()).toMatchObject({
      state: 'paused',
      index: 0,
      error: 'synthesis-failed',
    });
    expect(causes.at(-1)).toBe('error:paused:0');
    controller.resume();
    expect(controller.progress().error).toBeUndefined();
    expect(script.speaking()).toBe('第一句。');
  });

  it('does nothing with nothing loaded', () => {
    const script = scriptedEngine();
    const controller = createSpeechController(script.engine);
    controller.play();
    controller.next();
    expect(script.said).toEqual([]);
    expect(controller.progress()).toEqual({
      state: 'idle',
      index: 0,
      total: 0,
      rate: 1,
      speaking: false,
    });
  });
});

describe('snapRate', () => {
  it('keeps rates within 0.5–2.0 on the 0.1 grid', () => {
    expect([0.5, 0.74, 1, 1.05, 1.999, 2.5, -1, Number.NaN].map(snapRate)).toEqual([
      0.5, 0.7, 1, 1.1, 2, 2, 0.5, 1,
    ]);
  });
});

describe('the speech-rate range', () => {
  it('offers every step from 0.5 to 2.0, and steps within it', () => {
    expect(SPEECH_RATES).toHaveLength(16);
    expect([SPEECH_RATES[0], SPEECH_RATES[5], SPEECH_RATES.at(-1)]).toEqual([0.5, 1, 2]);
    expect([stepRate(1, 1), stepRate(1.1, -1), stepRate(2, 1), stepRate(0.5, -1)]).toEqual([
      1.1, 1, 2, 0.5,
    ]);
  });
});
