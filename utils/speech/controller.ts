/**
 * Reads a list of chunks through one engine: play, pause, resume, stop, previous and next sentence,
 * rate, and progress. Pause is cancel plus "remember the chunk" (engines' own pause() is unreliable),
 * so resume starts the same chunk again from its beginning.
 */
import type { SpeechEngine } from './engine';
import type { SpeechAction } from './speech-protocol';
import { snapRate } from './speech-rate';

export type PlaybackState = 'idle' | 'playing' | 'paused';

export interface SpeechProgress {
  state: PlaybackState;
  /** The chunk being read, or to be read on resume (0-based). */
  index: number;
  total: number;
  rate: number;
  /** The engine has started saying the current chunk (its start event came). */
  speaking: boolean;
  /** Set when the engine failed; cleared by the next play. */
  error?: string;
}

/** Why the progress changed: the engine's events, the user's controls, or the end of the text. */
export type ProgressCause = 'start' | 'end' | 'control' | 'error' | 'finished';

export interface SpeechVoiceChoice {
  lang: string;
  voiceName?: string;
}

export interface SpeechController {
  /** Takes a new text (stopping the old one). */
  load(chunks: readonly string[], voice: SpeechVoiceChoice): void;
  /** Reads from `index` (default: the current chunk). */
  play(index?: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
  next(): void;
  previous(): void;
  setRate(rate: number): void;
  progress(): SpeechProgress;
  subscribe(listener: (progress: SpeechProgress, cause: ProgressCause) => void): () => void;
}

export function createSpeechController(
  engine: SpeechEngine,
  { rate: initialRate = 1 }: { rate?: number } = {},
): SpeechController {
  let chunks: readonly string[] = [];
  let voice: SpeechVoiceChoice = { lang: 'zh-CN' };
  let state: PlaybackState = 'idle';
  let index = 0;
  let rate = snapRate(initialRate);
  let error: string | undefined;
  let speaking = false;
  const listeners = new Set<(progress: SpeechProgress, cause: ProgressCause) => void>();

  const progress = (): SpeechProgress => ({
    state,
    index,
    total: chunks.length,
    rate,
    speaking: speaking && state === 'playing',
    ...(error !== undefined && { error }),
  });
  const emit = (cause: ProgressCause) => {
    const snapshot = progress();
    for (const listener of listeners) listener(snapshot, cause);
  };

  /** Speaks the current chunk; its end moves on to the next one. */
  function speakCurrent() {
    const text = chunks[index];
    if (text === undefined) {
      finish();
      return;
    }
    const spokenIndex = index;
    speaking = false;
    engine.speak(
      { text, lang: voice.lang, ...(voice.voiceName && { voiceName: voice.voiceName }), rate },
      {
        onStart: () => {
          if (state !== 'playing' || index !== spokenIndex) return;
          speaking = true;
          emit('start');
        },
        onEnd: () => {
          if (state !== 'playing' || index !== spokenIndex) return;
          emit('end');
          index += 1;
          if (index >= chunks.length) finish();
          else speakCurrent();
        },
        onError: (message) => {
          if (state !== 'playing' || index !== spokenIndex) return;
          state = 'paused';
          error = message;
          emit('error');
        },
      },
    );
  }

  // Another engine took the voice (指读 in the reader's page): this reading stops, as if stopped.
  engine.onTakenOver?.(() => {
    if (state === 'idle') return;
    state = 'idle';
    index = 0;
    speaking = false;
    emit('control');
  });

  function finish() {
    state = 'idle';
    index = 0;
    emit('finished');
  }

  function clampIndex(value: number) {
    return Math.min(Math.max(0, Math.trunc(value)), Math.max(0, chunks.length - 1));
  }

  function play(at = index) {
    if (chunks.length === 0) return;
    engine.cancel();
    // Not speaking until the engine's start event for the new chunk (not the old one's).
    speaking = false;
    index = clampIndex(at);
    state = 'playing';
    error = undefined;
    emit('control');
    speakCurrent();
  }

  /** Moves to another chunk: reading goes on from there, a pause stays a pause on the new chunk. */
  function moveTo(target: number) {
    if (chunks.length === 0) return;
    if (state === 'playing') play(target);
    else {
      index = clampIndex(target);
      emit('control');
    }
  }

  return {
    load(newChunks, newVoice) {
      engine.cancel();
      chunks = [...newChunks];
      voice = newVoice;
      state = 'idle';
      index = 0;
      error = undefined;
      emit('control');
    },
    play,
    pause() {
      if (state !== 'playing') return;
      engine.cancel();
      state = 'paused';
      emit('control');
    },
    resume() {
      if (state !== 'playing') play(index);
    },
    stop() {
      engine.cancel();
      speaking = false;
      const wasActive = state !== 'idle' || index !== 0;
      state = 'idle';
      index = 0;
      if (wasActive) emit('control');
    },
    next: () => moveTo(index + 1),
    previous: () => moveTo(index - 1),
    setRate(newRate) {
      const snapped = snapRate(newRate);
      if (snapped === rate) return;
      rate = snapped;
      // The engine takes the rate per utterance: say the current chunk again at the new speed.
      if (state === 'playing') play(index);
      else emit('control');
    },
    progress,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Runs one of the speech controls on a controller: the one meaning of each action, for the
 * background's reading and the reader's own. `startFromIdle` is how a reading starts when nothing
 * is being read (play, resume or toggle from idle), which only the caller knows.
 */
export async function dispatchSpeechAction(
  controller: SpeechController,
  action: SpeechAction,
  rate: number | undefined,
  startFromIdle: (action: 'play' | 'resume' | 'toggle') => Promise<unknown>,
): Promise<void> {
  const { state } = controller.progress();
  switch (action) {
    case 'play':
    case 'resume':
      if (state === 'idle') await startFromIdle(action);
      else controller.resume();
      return;
    case 'toggle':
      if (state === 'playing') controller.pause();
      else if (state === 'paused') controller.resume();
      else await startFromIdle(action);
      return;
    case 'pause':
      return controller.pause();
    case 'stop':
      return controller.stop();
    case 'next':
      return controller.next();
    case 'previous':
      return controller.previous();
    case 'rate':
      if (rate !== undefined) controller.setRate(rate);
      return;
  }
}
