import { describe, expect, it } from 'vitest';
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
