/**
 * Showing a subtree (the reader's article, or a whole page) in the script a reader chose, and
 * back: the one place the reader and the page-conversion script turn a choice into a conversion.
 * The source script is detected from the text (and `lang`) unless the user says what it is.
 */
import { detectScript } from './detect-script';
import { type ConversionHandle, convertPage, convertSubtree } from './dom-convert';
import type { DictionaryLoader } from './load-converter';
import { loadConverter } from './load-converter';
import type { Script } from './scripts';

/** What the user can ask to see: the text as published, or one of the OpenCC scripts. */
export type ScriptChoice = 'original' | Script;

/** What the source is: detected, or said by the user. */
export type SourceChoice = 'auto' | Exclude<Script, 'twp'>;

export interface ScriptViewState {
  shown: ScriptChoice;
  /** The source script the conversion started from (detected or chosen), when converted. */
  from?: Script;
  loading: boolean;
  error?: string;
}

/**
 * The source script of a text: the user's choice, else detected; `undefined` when the text has
 * nothing that tells (no Chinese), so there is nothing to convert.
 */
export function sourceScriptOf(
  text: string,
  lang: string | undefined,
  source: SourceChoice,
): Script | undefined {
  if (source !== 'auto') return source;
  return detectScript(text, lang).script ?? undefined;
}

/**
 * Keeps one conversion of `target()` at a time: `show` undoes the current one (an exact restore of
 * the original) and applies the new choice. Requests that arrive while dictionaries load are
 * settled in order: only the last one is applied.
 */
export function createScriptView(options: {
  /** The subtree to convert, or the document for a whole page (title and later changes too). */
  target: () => Element | Document | null;
  loader: DictionaryLoader;
}) {
  const listeners = new Set<(state: ScriptViewState) => void>();
  let handle: ConversionHandle | undefined;
  let state: ScriptViewState = { shown: 'original', loading: false };
  let request = 0;

  const set = (next: ScriptViewState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  async function show(
    choice: ScriptChoice,
    source: SourceChoice = 'auto',
  ): Promise<ScriptViewState> {
    const ticket = ++request;
    handle?.restore();
    handle = undefined;
    const root = options.target();
    if (choice === 'original' || !root) {
      set({ shown: 'original', loading: false });
      return state;
    }
    const element = 'documentElement' in root ? root.documentElement : root;
    const from = sourceScriptOf(
      element.textContent ?? '',
      element.closest('[lang]')?.getAttribute('lang') ?? undefined,
      source,
    );
    if (!from) {
      set({ shown: 'original', loading: false });
      return state;
    }
    set({ shown: choice, from, loading: true });
    try {
      const converter = await loadConverter(from, choice, options.loader);
      if (ticket !== request) return state;
      handle =
        'documentElement' in root ? convertPage(root, converter) : convertSubtree(root, converter);
      set({ shown: choice, from, loading: false });
    } catch (error) {
      if (ticket !== request) return state;
      set({ shown: 'original', loading: false, error: String(error) });
    }
    return state;
  }

  return {
    show,
    state: () => state,
    subscribe(listener: (state: ScriptViewState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Puts the original back and forgets the conversion (the reader closes, the page is left). */
    restore() {
      request += 1;
      handle?.restore();
      handle = undefined;
      set({ shown: 'original', loading: false });
    },
  };
}

export type ScriptView = ReturnType<typeof createScriptView>;
