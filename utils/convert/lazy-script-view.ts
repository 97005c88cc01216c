/**
 * The reader's script view before the conversion engine is loaded: it answers like the real view
 * (utils/convert/script-view.ts) and loads the engine only when a script other than the original is
 * first asked for, then hands every call to the real view. Imports only types from the engine, so
 * the reader's own script does not carry it (see utils/bundles.ts).
 */
import { createLazyPart } from '../lazy-part';
import type { ScriptChoice, ScriptView, ScriptViewState, SourceChoice } from './script-view';

export function createLazyScriptView(create: () => Promise<ScriptView>): ScriptView {
  // The stand-in's own state: what was asked for while the engine loads, or why it failed.
  let standIn: ScriptViewState = { shown: 'original', loading: false };
  const part = createLazyPart<ScriptView, ScriptViewState>(create, () => standIn);
  let request = 0;

  const set = (next: ScriptViewState) => {
    standIn = next;
    part.emit(next);
  };

  async function show(
    choice: ScriptChoice,
    source: SourceChoice = 'auto',
  ): Promise<ScriptViewState> {
    const view = part.loaded();
    if (view) return view.show(choice, source);
    const ticket = ++request;
    if (choice === 'original') {
      set({ shown: 'original', loading: false });
      return part.state();
    }
    set({ shown: choice, loading: true });
    try {
      const created = await part.load();
      if (ticket !== request) return part.state();
      return await created.show(choice, source);
    } catch (error) {
      if (ticket !== request) return part.state();
      set({ shown: 'original', loading: false, error: String(error) });
      return part.state();
    }
  }

  return {
    show,
    state: part.state,
    subscribe: part.subscribe,
    restore() {
      request += 1;
      const view = part.loaded();
      if (view) view.restore();
      else set({ shown: 'original', loading: false });
    },
  };
}
