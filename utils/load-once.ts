/**
 * A loader that runs `load` once: calls while it runs share its promise, a success is kept, and a
 * failure is forgotten so the next call tries again (an injection can fail while a tab navigates).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
