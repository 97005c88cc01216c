import { describe, expect, it } from 'vitest';
import { createLazyPart } from '~/utils/lazy-part';
import { loadOnce } from '~/utils/load-once';

describe('loading once', () => {
  it('shares one load between calls made while it runs, and keeps what it loaded', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      return 'code';
    });
    await expect(Promise.all([load(), load()])).resolves.toEqual(['code', 'code']);
    await expect(load()).resolves.toBe('code');
    expect(loads).toBe(1);
  });

  it('tries again after a failure', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new Error('the tab navigated');
      return 'code';
    });
    await expect(load()).rejects.toThrow('the tab navigated');
    await expect(load()).resolves.toBe('code');
    expect(loads).toBe(2);
  });
});

describe('createLazyPart', () => {
  /** A real part: a counter that tells its subscribers. */
  function counter() {
    const listeners = new Set<(state: number) => void>();
    let value = 10;
    return {
      state: () => value,
      subscribe(listener: (state: number) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      add() {
        value += 1;
        for (const listener of listeners) listener(value);
      },
    };
  }

  it('shows the stand-in, loads once on demand, and keeps its subscribers across the load', async () => {
    let attempts = 0;
    const part = createLazyPart(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('the tab navigated');
        return counter();
      },
      () => 0,
    );
    const heard: number[] = [];
    part.subscribe((state) => heard.push(state));
    part.emit(1);
    expect(part.state()).toBe(0);
    await part.ifLoaded((real) => real.add());
    expect(attempts).toBe(0);
    await expect(part.load()).rejects.toThrow('navigated');
    await part.withLoaded((real) => real.add());
    await Promise.all([part.load(), part.load()]);
    expect(attempts).toBe(2);
    expect(part.state()).toBe(11);
    expect(heard).toEqual([1, 10, 11]);
  });
});
