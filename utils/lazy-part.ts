/**
 * A part of the reader whose code is an on-demand bundle (utils/bundles.ts), used before that code
 * has arrived: the one primitive behind the reader's lazy script view and lazy reading aloud. It
 * loads the real part once (a failed load is tried again on the next call), keeps one set of
 * subscribers across the load (they hear the stand-in's states, then the real part's), and says
 * whether the real part is there, so each stand-in only decides what a call does before it is.
 */
import { loadOnce } from './load-once';

/** What a lazily loaded part must offer: its state, and a way to follow it. */
export interface Observable<State> {
  state(): State;
  subscribe(listener: (state: State) => void): () => void;
}

export interface LazyPart<Part extends Observable<State>, State> extends Observable<State> {
  /** The real part, once loaded. */
  loaded(): Part | undefined;
  /** Loads the real part (once), and resolves to it. */
  load(): Promise<Part>;
  /** Runs `run` on the real part, loading it first. */
  withLoaded<T>(run: (part: Part) => T | Promise<T>): Promise<T>;
  /** Runs `run` only if the real part is there (else there is nothing for it to act on). */
  ifLoaded(run: (part: Part) => unknown): Promise<void>;
  /** Tells the subscribers a state of the stand-in (before the real part takes over). */
  emit(state: State): void;
}

export function createLazyPart<Part extends Observable<State>, State>(
  create: () => Promise<Part>,
  /** The stand-in's state until the real part is loaded. */
  standIn: () => State,
): LazyPart<Part, State> {
  const listeners = new Set<(state: State) => void>();
  let part: Part | undefined;
  const emit = (state: State) => {
    for (const listener of listeners) listener(state);
  };
  const load = loadOnce(async () => {
    const created = await create();
    part = created;
    created.subscribe(emit);
    emit(created.state());
    return created;
  });
  return {
    loaded: () => part,
    load,
    withLoaded: async (run) => run(await load()),
    async ifLoaded(run) {
      if (part) await run(part);
    },
    emit,
    state: () => (part ? part.state() : standIn()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
