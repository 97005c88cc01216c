/**
 * The built extension (npm test builds before this runs): no remote code and no network request of
 * its own is possible, and its pages keep the browser's strict default CSP.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/browser.mjs';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const code = files(EXTENSION_DIR)
  .filter((path) => /\.(js|html)$/.test(path))
  .map((path) => ({
    path: path.slice(EXTENSION_DIR.length + 1),
    text: readFileSync(path, 'utf8'),
  }));

/** Namespace names that look like URLs but are never fetched (DOMPurify, Preact). */
const NAMESPACES = new Set([
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
]);

describe('the built extension', () => {
  it('has code to check', () => {
    expect(code.map((file) => file.path)).toEqual(
      expect.arrayContaining(['background.js', 'content-scripts/detector.js', 'popup.html']),
    );
  });

  it('names no remote URL (other than XML namespace names)', () => {
    const remote = code.flatMap(({ path, text }) =>
      [...text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>\\]+/g)]
        .map((match) => match[0])
        // A template such as `https://${host}` builds a URL from the user's input; it fetches nothing.
        .filter((url) => !NAMESPACES.has(url) && !url.includes('${'))
        .map((url) => `${path}: ${url}`),
    );
    expect(remote).toEqual([]);
  });

  it('has no way to reach the network or to run strings as code', () => {
    const found = code.flatMap(({ path, text }) =>
      [
        ...text.matchAll(
          /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|\beval\(|new Function\(/g,
        ),
      ].map((match) => `${path}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the default extension CSP (no unsafe-eval, no remote script) and no remote hosts', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_security_policy).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|unsafe-inline/);
    // One page a page may frame, the caption bar's, and only from its per-session dynamic URL
    // (a page cannot probe a fixed address to learn the extension is installed).
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['caption-frame.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ]);
  });

  it('runs nothing in a page that tells the page the extension is there', () => {
    // Content scripts and the bundles injected beside them share the page's DOM and performance
    // timeline: WXT's "content script started" event and message carry the extension's id, and a
    // named performance measure is readable by any page script.
    const inPages = code.filter(({ path }) =>
      /^(?:content-scripts\/|convert-engine|reader-speech|reader-view|opencc-|pinyin-engine|jyutping-engine)/.test(
        path,
      ),
    );
    expect(inPages.map(({ path }) => path)).toContain('content-scripts/detector.js');
    const found = inPages.flatMap(({ path, text }) =>
      [
        ...text.matchAll(
          /content-script-started|wxt:locationchange|performance\.(?:measure|mark)\b|postMessage/g,
        ),
      ].map((match) => `${path}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the always-loaded detector within 8 KB gzipped, with no message table but its own', () => {
    // It runs on every page of every government portal: its size is paid on each of them.
    const detector = readFileSync(join(EXTENSION_DIR, 'content-scripts/detector.js'));
    expect(gzipSync(detector).length).toBeLessThanOrEqual(8 * 1024);
    // It answers only the popup's `→page:get-status`: other receivers' entries (the reader's,
    // the background's with their validators) and the popup's title reading stay out.
    const text = detector.toString('utf8');
    const pageMessages = new Set(text.match(/→page:[\w-]+/g));
    expect([...pageMessages]).toEqual(['→page:get-status']);
    expect(text).not.toMatch(/ui→background:|afterTitle/);
  });

  it('keeps the reader script under 20 KB gzipped: its view (Preact, toolbar, panels) is a bundle of its own', () => {
    const reader = readFileSync(join(EXTENSION_DIR, 'content-scripts/reader.js'));
    expect(gzipSync(reader).length).toBeLessThan(20 * 1024);
    const view = readFileSync(join(EXTENSION_DIR, 'reader-view.js')).toString('utf8');
    // The toolbar's label key is the view's alone.
    expect(view).toContain('readerToolbarLabel');
    expect(reader.toString('utf8')).not.toContain('readerToolbarLabel');
  });

  it('keeps the conversion engine, reading aloud and pinyin out of the reader script (loaded on first use)', () => {
    const text = (path: string) => code.find((file) => file.path === path)?.text ?? '';
    // One string each that only that code holds: the DOM conversion's observer of changed text,
    // and the page speech engine waiting for its voices. Each must be in its own bundle (else pick
    // another), and not in the reader's script, which the bundler would fill with any value import.
    const moved = [
      { bundle: 'convert-engine.js', marker: 'characterData' },
      { bundle: 'reader-speech.js', marker: 'voiceschanged' },
      // Pinyin: the first tier of 通用规范汉字表 (our data), an option name of pinyin-pro's own API
      // that our code never passes (the engine itself), the ruby layer's mark on its rubies, and
      // to-jyutping's entry point.
      { bundle: 'pinyin-engine.js', marker: '一乙二十丁厂七卜八人入儿匕' },
      { bundle: 'pinyin-engine.js', marker: 'removeNonZh' },
      { bundle: 'pinyin-engine.js', marker: 'data-yidu-pinyin' },
      { bundle: 'jyutping-engine.js', marker: 'getJyutpingList' },
    ];
    for (const { bundle, marker } of moved) expect(text(bundle)).toContain(marker);
    const reader = text('content-scripts/reader.js');
    expect(reader).not.toBe('');
    expect(moved.filter(({ marker }) => reader.includes(marker))).toEqual([]);
    // Pinyin is in no content script: not the detector every government page loads, the on-page
    // button, the page's description for the popup, nor page-convert (which loads it on demand too).
    const pinyin = moved.filter(({ bundle }) => /pinyin|jyutping/.test(bundle));
    const scripts = code
      .map(({ path }) => path)
      .filter((path) => path.startsWith('content-scripts/'));
    expect(scripts).toEqual(
      expect.arrayContaining(['content-scripts/detector.js', 'content-scripts/page-convert.js']),
    );
    for (const script of scripts) {
      expect(text(script)).not.toBe('');
      expect(pinyin.filter(({ marker }) => text(script).includes(marker))).toEqual([]);
    }
  });
});
