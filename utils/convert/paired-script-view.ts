import type { ScriptView } from './script-view';

/**
 * One script choice applied to two subtrees: the article the reader shows and its private copy,
 * which reading aloud reads (so what is heard is in the script shown). The copy follows once the
 * shown article is converted, so the dictionaries load once and the reader is not kept waiting;
 * a choice overtaken by a later one is not applied to the copy. The state the toolbar shows is the
 * shown article's.
 */
export function pairScriptViews(shown: ScriptView, copy: ScriptView): ScriptView {
  let latest = 0;
  return {
    async show(choice, source) {
      const ticket = ++latest;
      const state = await shown.show(choice, source);
      if (ticket === latest) await copy.show(choice, source);
      return state;
    },
    state: () => shown.state(),
    subscribe: (listener) => shown.subscribe(listener),
    restore() {
      latest += 1;
      shown.restore();
      copy.restore();
    },
  };
}
