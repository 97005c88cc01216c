/**
 * Pinyin as the reader and page-convert turn it on and off: one annotation at a time over
 * `target()`, in the mode asked for, read in the script the text is shown in (detected from the
 * text and `lang`, which the script view keeps current). Part of the pinyin bundle
 * (entrypoints/pinyin-engine.ts) with the engine: nothing here is in the reader's first script.
 */
import { detectScript } from '../convert/detect-script';
import type { DictionaryLoader } from '../convert/load-converter';
import { loadConverter } from '../convert/load-converter';
import type { Script } from '../convert/scripts';
import {
  ANNOTATED_ATTRIBUTE,
  annotatePage,
  annotateSubtree,
  type PinyinHandle,
} from './dom-pinyin';
import { pinyinSource } from './engines-pinyin';
import type { PinyinMode } from './modes';
import { type Reading, type ReadingSource, readingScript, readText } from './readings';

export interface PinyinReaderOptions {
  /** OpenCC dictionaries, for reading traditional text through simplified. */
  loader: DictionaryLoader;
  /** Jyutping's engine, loaded only for Hong Kong text. */
  loadJyutping: () => Promise<ReadingSource>;
}

export interface PinyinRequest {
  mode: PinyinMode;
  /** The script the text is written in (default: detected from the text). */
  script?: Script;
  /** Annotate Hong Kong text in Jyutping rather than pinyin (default true). */
  jyutpingForHongKong?: boolean;
}

/**
 * Readings of plain text, one per UTF-16 unit (null where none is shown): the simple API for other
 * parts of the extension (a caption bar shows the sentence being read with its pinyin).
 */
export function createPinyinReader(options: PinyinReaderOptions) {
  return async function readings(text: string, request: PinyinRequest): Promise<Reading[]> {
    const read = await runReader(text, null, request, options);
    return read(text);
  };
}

export type PinyinReader = ReturnType<typeof createPinyinReader>;

/**
 * A reader of text in one known script that answers at once: the engine (and, for traditional
 * text, the converter to simplified; for Hong Kong text, Jyutping) is made ready first, then each
 * text is read synchronously (the caption bar reads every new text as the pointer moves).
 */
export function createScriptReader(
  options: PinyinReaderOptions,
  request: PinyinRequest & { script: Script },
): Promise<(text: string) => Reading[]> {
  return runReader('', null, request, options);
}

async function runReader(
  text: string,
  lang: string | null,
  request: PinyinRequest,
  options: PinyinReaderOptions,
): Promise<(text: string) => Reading[]> {
  const script = request.script ?? detectScript(text, lang).script ?? 'cn';
  const jyutping = script === 'hk' && request.jyutpingForHongKong !== false;
  const from = readingScript(script);
  const toSimplified = from === 'cn' ? null : await loadConverter(from, 'cn', options.loader);
  const source = jyutping ? await options.loadJyutping() : pinyinSource;
  return (run) =>
    readText(run, {
      mode: request.mode,
      toSimplified,
      source,
      romanization: jyutping ? 'jyutping' : 'pinyin',
    });
}

export interface PinyinViewState {
  mode: PinyinMode;
  loading: boolean;
  /** The annotation shown: pinyin, or Jyutping for Hong Kong text. */
  romanization?: 'pinyin' | 'jyutping';
  error?: string;
}

/**
 * Keeps one annotation of `target()` at a time: `show` takes the current one off (an exact
 * restore) and puts on the new one. Requests that arrive while dictionaries load are settled in
 * order: only the last one is applied.
 */
export function createPinyinView(
  options: PinyinReaderOptions & {
    /** The subtree to annotate, or the document for a whole page (and what it adds later). */
    target: () => Element | Document | null;
  },
) {
  const listeners = new Set<(state: PinyinViewState) => void>();
  let handle: PinyinHandle | undefined;
  let state: PinyinViewState = { mode: 'off', loading: false };
  let request = 0;

  const set = (next: PinyinViewState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  async function show(pinyin: PinyinRequest): Promise<PinyinViewState> {
    const ticket = ++request;
    handle?.restore();
    handle = undefined;
    const root = options.target();
    if (pinyin.mode === 'off' || !root) {
      set({ mode: 'off', loading: false });
      return state;
    }
    set({ mode: pinyin.mode, loading: true });
    try {
      const element = 'documentElement' in root ? root.documentElement : root;
      const text = element.textContent ?? '';
      const lang = element.closest('[lang]')?.getAttribute('lang') ?? null;
      const script = pinyin.script ?? detectScript(text, lang).script ?? 'cn';
      const read = await runReader(text, lang, { ...pinyin, script }, options);
      if (ticket !== request) return state;
      if ('documentElement' in root) {
        handle = annotatePage(root, read);
      } else {
        // The reader's own article (not a page's): marked while annotated, for its line height;
        // its stylesheet keeps the readings out of a selection.
        const annotated = annotateSubtree(element, read, { inlineUnselectable: false });
        element.setAttribute(ANNOTATED_ATTRIBUTE, '');
        handle = {
          done: annotated.done,
          restore() {
            annotated.restore();
            element.removeAttribute(ANNOTATED_ATTRIBUTE);
          },
        };
      }
      const jyutping = script === 'hk' && pinyin.jyutpingForHongKong !== false;
      set({ mode: pinyin.mode, loading: false, romanization: jyutping ? 'jyutping' : 'pinyin' });
      await handle.done;
    } catch (error) {
      if (ticket !== request) return state;
      set({ mode: 'off', loading: false, error: String(error) });
    }
    return state;
  }

  return {
    show,
    /**
     * Sets pinyin-pro up ahead of the first request (about 100 ms of building its tables, in one
     * task of its own), when the reader is likely to ask for pinyin soon.
     */
    prepare: () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          pinyinSource('中');
          resolve();
        }, 0),
      ),
    state: () => state,
    subscribe(listener: (state: PinyinViewState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Takes the annotation off (before the text changes script, or when the reader closes). */
    restore() {
      request += 1;
      handle?.restore();
      handle = undefined;
      set({ mode: 'off', loading: false });
    },
  };
}

export type PinyinView = ReturnType<typeof createPinyinView>;
