/**
 * What component tests share: a jsdom document as the globals Preact renders into (set up here, not
 * as Vitest's jsdom environment, under which the WXT plugin's esbuild refuses jsdom's TextEncoder),
 * the extension's zh_CN strings behind fakeBrowser's i18n (which has none), resolved the way the
 * browser does (named placeholders → $1, $2 …), and a render that flushes effects.
 */
import { JSDOM } from 'jsdom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import zhCN from '../../public/_locales/zh_CN/messages.json';

/** Installs a fresh jsdom document as the global window and document. */
export function installDom(): void {
  const { window } = new JSDOM('<!DOCTYPE html><html lang="zh-CN"><body></body></html>', {
    pretendToBeVisual: true,
  });
  const globals = globalThis as Record<string, unknown>;
  globals.window = window;
  globals.document = window.document;
  for (const name of [
    'Node',
    'Element',
    'HTMLElement',
    'HTMLButtonElement',
    'ShadowRoot',
    'Event',
    'MouseEvent',
    'KeyboardEvent',
    'FocusEvent',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'matchMedia',
    'DOMParser',
  ])
    globals[name] = (window as unknown as Record<string, unknown>)[name];
}

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** The browser's getMessage over public/_locales/zh_CN/messages.json. */
export function zhMessage(key: string, substitutions?: string | string[]): string {
  const entry = (zhCN as Record<string, Entry>)[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : [substitutions].flat();
  const withPlaceholders = entry.message.replace(/\$(\w+)\$/g, (_match, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => values[Number(index) - 1] ?? '');
  });
  return withPlaceholders.replace(
    /\$(\d)/g,
    (_m, index: string) => values[Number(index) - 1] ?? '',
  );
}

export function useZhMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(zhMessage as never);
}

/** Renders into a fresh container in the body; returns it and an unmount. */
export async function renderInto(node: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(node, container);
  });
  return {
    container,
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Lets promises and timers settle inside act, so effects that awaited storage have rendered. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export const byTestId = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
