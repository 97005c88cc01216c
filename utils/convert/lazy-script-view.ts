/**
 * The reader's script view before the conversion engine is loaded: it answers like the real view
 * (utils/convert/script-view.ts) and loads the engine only when a script other than the original is
 * first asked for, then hands every call to the real view. Imports only types from the engine, so
 * the reader's own script does not carry it (see utils/bundles.ts).
 */
import { loadOnce } from '../load-once';
import type { ScriptChoice, ScriptView, ScriptViewState, SourceChoice } from './script-view';

export function createLazyScriptView(create: () => Promise<ScriptView>): ScriptView {
  const listeners = new Set<(state: ScriptViewState) => void>();
  let state: ScriptViewState = { shown: 'original', loading: false };
  let view: ScriptView | undefined;
  let request = 0;

  const set = (next: ScriptViewState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  const ready = loadOnce(async () => {
    const created = await create();
    view = created;
    created.subscribe(set);
    return created;
  });

  async function show(
    choice: ScriptChoice,
    source: SourceChoice = 'auto',
  ): Promise<ScriptViewState> {
    if (view) return view.show(choice, source);
    const ticket = ++request;
    if (choice === 'original') {
      set({ shown: 'original', loading: false });
      return state;
    }
    set({ shown: choice, loading: true });
    try {
      const created = await ready();
      if (ticket !== request) return state;
      return await created.show(choice, source);
    } catch (error) {
      if (ticket !== request) return state;
      set({ shown: 'original', loading: false, error: String(error) });
      return state;
    }
  }

  return {
    show,
    state: () => state,
    subscribe(listener: (state: ScriptViewState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restore() {
      request += 1;
      if (view) view.restore();
      else set({ shown: 'original', loading: false });
    },
  };
}
