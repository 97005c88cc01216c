/**
 * Coalesced, rate-limited writes with retry: the settings' way to stay inside `storage.sync`'s
 * quotas (utils/settings-storage.ts). Changes are merged while they come in bursts (ten clicks on
 * 大字 are one write), a context never writes more often than its share of the per-minute and
 * per-hour limits, and a failed write keeps its changes, says so, and is tried again later (later
 * changes are merged onto it): nothing is dropped silently. Pure but for the timers it is given.
 */

/** Chrome's `storage.sync` write limits (MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR). */
export const SYNC_WRITE_LIMITS = { perMinute: 120, perHour: 1800 } as const;

export type WriteStatus = 'saved' | 'pending' | 'failed';

export interface WriteSchedulerOptions<P> {
  /**
   * Writes everything pending; rejects when storage refuses. `urgent`: the page is going away, so
   * the write must be started before this call returns (no waiting on a read first).
   */
  write: (pending: P, urgent: boolean) => Promise<void>;
  /** A later change merged onto an earlier one (later wins). */
  merge: (earlier: P, later: P) => P;
  /** Quiet time after a change before it is written, so a burst is one write. */
  quietMs?: number;
  /** At least this long between two writes. */
  minGapMs?: number;
  /**
   * This context's share of the quota: every page of the extension (popup, options, each reader,
   * the background) writes the same storage, so each keeps to half of it; a write refused anyway is
   * retried.
   */
  perMinute?: number;
  perHour?: number;
  /** First wait after a failure; doubled at each further failure up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface WriteScheduler<P> {
  /** Adds a change; resolves once it (merged with others) is written. */
  push(change: P): Promise<void>;
  /** Writes what is pending now (the page is going away), or as soon as the limits allow. */
  flush(): Promise<void>;
  /** The change not written yet, if any (a page shows it over what storage holds). */
  pending(): P | undefined;
  /** Forgets what is not written yet (everything was reset): its callers' promises settle. */
  discard(): void;
  status(): WriteStatus;
  subscribe(listener: (status: WriteStatus) => void): () => void;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export function createWriteScheduler<P>(options: WriteSchedulerOptions<P>): WriteScheduler<P> {
  const quietMs = options.quietMs ?? 250;
  const minGapMs = options.minGapMs ?? 500;
  const perMinute = options.perMinute ?? SYNC_WRITE_LIMITS.perMinute / 2;
  const perHour = options.perHour ?? SYNC_WRITE_LIMITS.perHour / 2;
  const retryMs = options.retryMs ?? 5_000;
  const maxRetryMs = options.maxRetryMs ?? MINUTE;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));

  let pending: P | undefined;
  /** Callers waiting for the pending change to be written. */
  let waiting: { resolve: () => void }[] = [];
  /** When this context wrote, newest last, over the last hour. */
  const written: number[] = [];
  let timer: unknown;
  let writing = false;
  let failures = 0;
  let status: WriteStatus = 'saved';
  const listeners = new Set<(status: WriteStatus) => void>();

  const setStatus = (next: WriteStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of listeners) listener(status);
  };

  /** The earliest time a write may start, by the gap and the two limits. */
  function allowedAt(time: number, gap = minGapMs): number {
    while (written.length > 0 && (written[0] as number) <= time - HOUR) written.shift();
    let at = time;
    const last = written.at(-1);
    if (last !== undefined) at = Math.max(at, last + gap);
    if (written.length >= perHour)
      at = Math.max(at, (written[written.length - perHour] as number) + HOUR);
    const inMinute = written.filter((stamp) => stamp > time - MINUTE);
    if (inMinute.length >= perMinute)
      at = Math.max(at, (inMinute[inMinute.length - perMinute] as number) + MINUTE);
    return at;
  }

  function schedule(delay: number) {
    if (timer !== undefined) clearTimer(timer);
    const time = now();
    const at = Math.max(time + delay, allowedAt(time));
    timer = setTimer(() => {
      timer = undefined;
      void run();
    }, at - time);
  }

  /** Writes what is pending if the limits allow (an urgent write skips the gap), else schedules it. */
  async function run(urgent = false): Promise<void> {
    if (writing || pending === undefined) return;
    const time = now();
    if (allowedAt(time, urgent ? 0 : minGapMs) > time) return schedule(0);
    const change = pending;
    const settled = waiting;
    pending = undefined;
    waiting = [];
    writing = true;
    written.push(time);
    try {
      await options.write(change, urgent);
      failures = 0;
      for (const waiter of settled) waiter.resolve();
      setStatus(pending === undefined ? 'saved' : 'pending');
    } catch (error) {
      console.warn('[yidu] settings not saved, will retry', error);
      // Keep the change, under any that came in meanwhile.
      pending = pending === undefined ? change : options.merge(change, pending);
      waiting = [...settled, ...waiting];
      failures += 1;
      setStatus('failed');
    } finally {
      writing = false;
    }
    if (pending !== undefined) {
      const backoff = failures > 0 ? Math.min(retryMs * 2 ** (failures - 1), maxRetryMs) : quietMs;
      schedule(backoff);
    }
  }

  return {
    push(change) {
      pending = pending === undefined ? change : options.merge(pending, change);
      if (status !== 'failed') setStatus('pending');
      const written = new Promise<void>((resolve) => waiting.push({ resolve }));
      // After a failure the retry's timer stands: a new change does not hurry it.
      if (failures === 0 && !writing) schedule(quietMs);
      return written;
    },
    async flush() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      await run(true);
    },
    pending: () => pending,
    discard() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      pending = undefined;
      failures = 0;
      for (const waiter of waiting.splice(0)) waiter.resolve();
      setStatus('saved');
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
