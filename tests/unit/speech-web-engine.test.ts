/**
 * The page engine over speechSynthesis, against a scripted synthesis: Firefox through
 * speech-dispatcher fails the first utterance with no error code; it is said once more, and only a
 * second failure (or a real error code) reaches the controller.
 */
import { describe, expect, it, vi } from 'vitest';
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
