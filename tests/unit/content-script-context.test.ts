/**
 * Our stand-in for WXT's content-script context (utils/wxt/content-script-context.ts) carries only
 * what our content scripts use; WXT types `main(ctx)` with its own, fuller class, so a call to a
 * helper left out would type-check and fail in the page. Read from the sources: every `ctx.<name>`
 * a content script uses is one the stand-in has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '~/utils/wxt/content-script-context';

const ROOT = resolve(__dirname, '../..');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The members called on the parameter of each content script's `main`, named as they name it. */
function contextMembersUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of sources(join(ROOT, 'entrypoints'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('defineContentScript')) continue;
    for (const [, parameter] of text.matchAll(/main\s*(?::\s*)?\(\s*(\w+)/g))
      for (const [, member] of text.matchAll(new RegExp(`\\b${parameter}\\.(\\w+)`, 'g')))
        used.add(member as string);
  }
  return used;
}

afterEach(() => {
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('the content-script context', () => {
  it('has every member a content script calls', () => {
    const used = contextMembersUsed();
    // The detector uses these today: the scan must find them, or it finds nothing at all.
    expect([...used]).toEqual(expect.arrayContaining(['signal', 'onInvalidated', 'setTimeout']));
    const context = new ContentScriptContext('test');
    for (const member of used) expect(member in context, `ctx.${member}`).toBe(true);
  });

  it('runs a timer while valid, and nothing once invalidated', () => {
    vi.useFakeTimers();
    const context = new ContentScriptContext('test');
    const fired = vi.fn();
    const invalidated = vi.fn();
    context.onInvalidated(invalidated);
    context.setTimeout(fired, 10);
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);

    context.setTimeout(fired, 10);
    context.notifyInvalidated();
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(context.isValid).toBe(false);
  });
});
