/**
 * The pinyin view before its bundle is loaded (the reader's first script and page-convert carry
 * only this): it answers like the real view (pinyin-view.ts), loads the bundle when pinyin is first
 * turned on, then hands every call to the real view. Imports only types from the bundle.
 */
import { loadOnce } from '../load-once';
import { PINYIN_RUNS_GLOBAL, type PinyinRun } from './modes';
import type { PinyinRequest, PinyinView, PinyinViewState } from './pinyin-view';

export function createLazyPinyinView(create: () => Promise<PinyinView>): PinyinView {
  const listeners = new Set<(state: PinyinViewState) => void>();
  let state: PinyinViewState = { mode: 'off', loading: false };
  let view: PinyinView | undefined;
  let request = 0;

  const set = (next: PinyinViewState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  const ready = loadOnce(async () => {
    const created = await create();
    view = created;
    created.subscribe(set);
    return created;
  });

  /** Shows, and measures the time to the last ruby when pinyin was put on. */
  async function show(pinyin: PinyinRequest): Promise<PinyinViewState> {
    const start = performance.now();
    const state = await showNow(pinyin);
    if (pinyin.mode !== 'off' && state.mode === pinyin.mode && !state.loading) {
      const world = globalThis as { [PINYIN_RUNS_GLOBAL]?: PinyinRun[] };
      world[PINYIN_RUNS_GLOBAL] ??= [];
      world[PINYIN_RUNS_GLOBAL].push({ start, duration: performance.now() - start });
    }
    return state;
  }

  async function showNow(pinyin: PinyinRequest): Promise<PinyinViewState> {
    if (view) return view.show(pinyin);
    const ticket = ++request;
    if (pinyin.mode === 'off') {
      set({ mode: 'off', loading: false });
      return state;
    }
    set({ mode: pinyin.mode, loading: true });
    try {
      const created = await ready();
      if (ticket !== request) return state;
      return await created.show(pinyin);
    } catch (error) {
      if (ticket !== request) return state;
      set({ mode: 'off', loading: false, error: String(error) });
      return state;
    }
  }

  return {
    show,
    /** Loads the bundle and sets the engine up, without showing anything (the panel opened). */
    prepare: async () => {
      try {
        await (await ready()).prepare();
      } catch {
        // Loading is tried again, and its failure shown, when pinyin is asked for.
      }
    },
    state: () => state,
    subscribe(listener: (state: PinyinViewState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restore() {
      request += 1;
      if (view) view.restore();
      else set({ mode: 'off', loading: false });
    },
  };
}
