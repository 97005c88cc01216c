/**
 * The page engine over speechSynthesis, against a scripted synthesis: Firefox through
 * speech-dispatcher fails the first utterance with no error code; it is said once more, and only a
 * second failure (or a real error code) reaches the controller.
 */
import { describe, expect, it, vi } from 'vitest';
import { createSpeechController } from '../../utils/speech/controller';
import { createWebSpeechEngine, type WebSpeechApi } from '../../utils/speech/engine';

type FakeUtterance = {
  text: string;
  lang?: string;
  rate?: number;
  onstart?: () => void;
  onend?: () => void;
  onerror?: (event: { error?: string }) => void;
};

function fakeSynthesis() {
  const spoken: FakeUtterance[] = [];
  const api = {
    synthesis: {
      speak: (utterance: FakeUtterance) => spoken.push(utterance),
      cancel: () => undefined,
      getVoices: () => [],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
    createUtterance: (text: string) => ({ text }),
  } as unknown as WebSpeechApi;
  return { api, spoken };
}

const events = () => ({ onStart: vi.fn(), onEnd: vi.fn(), onError: vi.fn() });

describe('the page engine (speechSynthesis)', () => {
  it('says an utterance that failed before starting with no error code once more', () => {
    const { api, spoken } = fakeSynthesis();
    const on = events();
    createWebSpeechEngine(api).speak({ text: '关于参保缴费的通知', lang: 'zh-CN', rate: 1 }, on);
    spoken[0]?.onerror?.({});
    expect(spoken.map((utterance) => utterance.text)).toEqual([
      '关于参保缴费的通知',
      '关于参保缴费的通知',
    ]);
    expect(spoken[1]).toMatchObject({ lang: 'zh-CN', rate: 1 });
    expect(on.onError).not.toHaveBeenCalled();
    spoken[1]?.onstart?.();
    spoken[1]?.onend?.();
    expect(on.onStart).toHaveBeenCalledTimes(1);
    expect(on.onEnd).toHaveBeenCalledTimes(1);
  });

  it('reports a second failure, and a failure with a code at once', () => {
    const { api, spoken } = fakeSynthesis();
    const engine = createWebSpeechEngine(api);
    const first = events();
    engine.speak({ text: '一', lang: 'zh-CN', rate: 1 }, first);
    spoken[0]?.onerror?.({});
    spoken[1]?.onerror?.({});
    expect(first.onError).toHaveBeenCalledWith('synthesis-failed');
    expect(spoken).toHaveLength(2);

    const second = events();
    engine.speak({ text: '二', lang: 'zh-CN', rate: 1 }, second);
    spoken[2]?.onerror?.({ error: 'audio-busy' });
    expect(second.onError).toHaveBeenCalledWith('audio-busy');
    expect(spoken).toHaveLength(3);
  });

  it('ignores what follows its own cancel, and an error after the voice started is reported', () => {
    const { api, spoken } = fakeSynthesis();
    const engine = createWebSpeechEngine(api);
    const on = events();
    engine.speak({ text: '一', lang: 'zh-CN', rate: 1 }, on);
    spoken[0]?.onerror?.({ error: 'interrupted' });
    expect(on.onError).not.toHaveBeenCalled();
    spoken[0]?.onstart?.();
    spoken[0]?.onerror?.({});
    expect(on.onError).toHaveBeenCalledWith('synthesis-failed');
    expect(spoken).toHaveLength(1);
  });
});

describe('two page engines over one synthesis (the reader and 指读)', () => {
  it('the one that speaks takes it over: the other hears so and reports nothing more', () => {
    const { api, spoken } = fakeSynthesis();
    const cancel = vi.spyOn(api.synthesis, 'cancel');
    const reader = createWebSpeechEngine(api);
    const pointRead = createWebSpeechEngine(api);
    const takenOver = vi.fn();
    reader.onTakenOver?.(takenOver);
    const readerEvents = events();
    reader.speak({ text: '第一句', lang: 'zh-CN', rate: 1 }, readerEvents);
    spoken[0]?.onstart?.();
    pointRead.speak({ text: '链接，通知公告', lang: 'zh-CN', rate: 1 }, events());
    expect(takenOver).toHaveBeenCalledTimes(1);
    // The reader's sentence had started: 指读 speaks at once.
    expect(spoken.map((utterance) => utterance.text)).toEqual(['第一句', '链接，通知公告']);
    spoken[0]?.onend?.();
    expect(readerEvents.onEnd).not.toHaveBeenCalled();
    // The reader's cancel (its stop, after the fact) leaves 指读's speech alone; 指读's own stops it.
    cancel.mockClear();
    reader.cancel();
    expect(cancel).not.toHaveBeenCalled();
    pointRead.cancel();
    expect(cancel).toHaveBeenCalledTimes(1);
    // Nothing holds it now: 指读 moving on again cancels nothing the reader says next.
    reader.speak({ text: '第二句', lang: 'zh-CN', rate: 1 }, events());
    cancel.mockClear();
    pointRead.cancel();
    expect(cancel).not.toHaveBeenCalled();
    expect(takenOver).toHaveBeenCalledTimes(1);
  });

  it('after cancelling an utterance the voice had not started, the next waits for its end (Firefox drops it otherwise)', async () => {
    vi.useFakeTimers();
    try {
      const { api, spoken } = fakeSynthesis();
      const reader = createWebSpeechEngine(api);
      const pointRead = createWebSpeechEngine(api);
      reader.speak({ text: '第一句', lang: 'zh-CN', rate: 1 }, events());
      pointRead.speak({ text: '段落', lang: 'zh-CN', rate: 1 }, events());
      expect(spoken.map((utterance) => utterance.text)).toEqual(['第一句']);
      spoken[0]?.onend?.();
      await vi.advanceTimersByTimeAsync(0);
      expect(spoken.map((utterance) => utterance.text)).toEqual(['第一句', '段落']);
      // Its own: cancelled before it started, and no end ever comes: said after a short wait.
      pointRead.cancel();
      pointRead.speak({ text: '链接，首页', lang: 'zh-CN', rate: 1 }, events());
      expect(spoken).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(300);
      expect(spoken.map((utterance) => utterance.text)).toEqual(['第一句', '段落', '链接，首页']);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a reading taken over stops (idle, as the popup's stop leaves it), and says nothing more", () => {
    const { api, spoken } = fakeSynthesis();
    const reading = createSpeechController(createWebSpeechEngine(api));
    reading.load(['第一句。', '第二句。'], { lang: 'zh-CN' });
    reading.play();
    spoken[0]?.onstart?.();
    expect(reading.progress()).toMatchObject({ state: 'playing', speaking: true });
    createWebSpeechEngine(api).speak({ text: '段落', lang: 'zh-CN', rate: 1 }, events());
    expect(reading.progress()).toMatchObject({ state: 'idle', index: 0, speaking: false });
    spoken[0]?.onend?.();
    expect(spoken.map((utterance) => utterance.text)).toEqual(['第一句。', '段落']);
  });
});
