/**
 * Properties over generated input (fast-check): restoring a conversion gives back the very DOM it
 * started from; speech chunks say all of the text, in order, none over the limit; settings repair
 * turns any stored value into valid settings and keeps what was valid.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertPage, convertSubtree } from '~/utils/convert/dom-convert';
import { loadConverter } from '~/utils/convert/load-converter';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import type { TextConverter } from '~/utils/convert/text-converter';
import { DEFAULT_SETTINGS, repairSettings } from '~/utils/settings';
import { chunkText, MAX_CHUNK_CHARACTERS } from '~/utils/speech/chunk';

/** Characters where conversion does something (phrases, one-to-many, regional forms) and some that do not. */
const CJK = [
  ...'头发什么软件内存鼠标出租车干后里台面系于著云为只表了乾後裡臺麵係於雲爲隻錶發頭甚麼軟體記憶體',
];
const PUNCTUATION = [...'，。！？；：、“”「」（）…'];

const text = fc
  .array(fc.constantFrom(...CJK, ...PUNCTUATION, ' ', '\n', 'a', '7'), { maxLength: 40 })
  .map((characters) => characters.join(''));

/** A small HTML tree: inline and block elements, ruby, fields and code, attributes with text. */
const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t) => t.replaceAll('<', '')),
    fc
      .tuple(
        fc.constantFrom('p', 'b', 'span', 'a', 'div', 'em', 'code', 'li', 'button'),
        fc.option(text, { nil: undefined }),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, title, children]) => {
        const attribute = title === undefined ? '' : ` title="${title.replaceAll('"', '')}"`;
        return `<${tag}${attribute}>${children.join('')}</${tag}>`;
      }),
    text.map((t) => `<ruby>${t.slice(0, 2)}<rp>(</rp><rt>tóu</rt><rp>)</rp></ruby>`),
    text.map((t) => `<textarea placeholder="${t.replaceAll('"', '')}">${t}</textarea>`),
    fc.constant('<br>'),
  ),
})).node;

let toTraditional: TextConverter;
let toSimplified: TextConverter;
beforeAll(async () => {
  toTraditional = await loadConverter('cn', 'twp', loadNodeDictionaries);
  toSimplified = await loadConverter('t', 'cn', loadNodeDictionaries);
});

describe('restoring a conversion', () => {
  // jsdom is slow to build documents; generous time on a shared machine.
  it('gives back exactly the subtree it started from', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (nodes) => {
        const { window } = new JSDOM(`<body><article>${nodes.join('')}</article></body>`);
        const article = window.document.querySelector('article') as Element;
        const before = article.outerHTML;
        for (const converter of [toTraditional, toSimplified]) {
          const handle = convertSubtree(article, converter);
          handle.restore();
          expect(article.outerHTML).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives back exactly the page, title and lang included', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(text, fc.array(tree, { maxLength: 5 }), (title, nodes) => {
        const { window } = new JSDOM(
          `<html lang="zh-CN"><head><title>${title.replaceAll('<', '')}</title></head><body>${nodes.join('')}</body></html>`,
        );
        const before = window.document.documentElement.outerHTML;
        const handle = convertPage(window.document, toTraditional, { observe: false });
        handle.restore();
        expect(window.document.documentElement.outerHTML).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});

describe('speech chunks', () => {
  const sayable = (value: string) => [...value].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
  const longText = fc
    .array(fc.constantFrom(...CJK, ...PUNCTUATION, ' ', '2021', '-', '03'), { maxLength: 400 })
    .map((parts) => parts.join(''));

  it('say every letter and digit of the text, in order, in chunks of at most 80 characters', () => {
    fc.assert(
      fc.property(longText, (value) => {
        const chunks = chunkText(value);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_CHARACTERS);
          expect(chunk.trim()).not.toBe('');
        }
        expect(sayable(chunks.join(''))).toBe(sayable(value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('settings repair', () => {
  it('turns any stored value into valid settings, and is a fixed point', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (stored) => {
        const repaired = repairSettings(stored);
        expect(Object.keys(repaired).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
        expect(repairSettings(repaired)).toEqual(repaired);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every valid field whatever the others hold', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(16, 20, 28, 64),
        fc.constantFrom('dark', 'yellow-on-black', 'system'),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (fontSizePx, theme, noise) => {
          const repaired = repairSettings({ ...noise, fontSizePx, theme });
          expect(repaired.fontSizePx).toBe(fontSizePx);
          expect(repaired.theme).toBe(theme);
        },
      ),
      { numRuns: 200 },
    );
  });
});
