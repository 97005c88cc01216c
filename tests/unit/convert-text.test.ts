/**
 * Text conversion (utils/convert): OpenCC's own test cases, and output identical to opencc-js, the
 * library whose dictionaries and steps we follow, on real article text of the shared corpus.
 */
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundlesFor } from '~/utils/convert/dictionaries';
import { loadConverter } from '~/utils/convert/load-converter';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import { conversionPlan, dictionariesOf } from '~/utils/convert/plan';
import { SCRIPTS, type Script } from '~/utils/convert/scripts';
import { magicHtmlLabelled, OPENCC_CONFIGS, openccTestCases } from '../../scripts/lib/corpus';

const convert = async (from: Script, to: Script, text: string) =>
  (await loadConverter(from, to, loadNodeDictionaries)).convert(text);

describe("OpenCC's own test cases", () => {
  it('passes 454 of the 457 cases of the issue, every one opencc-js passes', async () => {
    let total = 0;
    const passed: string[] = [];
    const anchorPassed: string[] = [];
    const anchors = new Map<string, (text: string) => string>();
    for (const testCase of openccTestCases()) {
      for (const [config, expected] of Object.entries(testCase.expected)) {
        const pair = OPENCC_CONFIGS[config];
        if (!pair) continue;
        total += 1;
        const [from, to] = pair;
        if ((await convert(from, to, testCase.input)) === expected)
          passed.push(`${testCase.id}:${config}`);
        let anchor = anchors.get(config);
        if (!anchor) {
          anchor = OpenCC.Converter({ from, to });
          anchors.set(config, anchor);
        }
        if (anchor(testCase.input) === expected) anchorPassed.push(`${testCase.id}:${config}`);
      }
    }
    expect(total).toBe(457);
    expect(passed).toHaveLength(454);
    expect(passed).toEqual(expect.arrayContaining(anchorPassed));
  }, 120_000);
});

describe('identical to opencc-js', () => {
  const articles = magicHtmlLabelled().map((page) => page.content);
  const simplified = articles.join('\n');
  let traditional = '';
  beforeAll(() => {
    // Real traditional text (two zh-Hant pages of the corpus) and the rest made traditional.
    traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified);
  });

  const pairs = SCRIPTS.flatMap((from) =>
    SCRIPTS.filter((to) => to !== from).map((to) => [from, to] as const),
  );
  it.each(pairs)(
    '%s → %s on the corpus articles',
    async (from, to) => {
      const anchor = OpenCC.Converter({ from, to });
      const input = from === 'cn' ? simplified : traditional;
      const ours = await convert(from, to, input);
      expect(ours.length).toBeGreaterThan(0);
      // Compare article by article so a failure names a short text.
      const oursLines = ours.split('\n');
      const inputLines = input.split('\n');
      expect(oursLines).toHaveLength(inputLines.length);
      expect(oursLines).toEqual(inputLines.map((line) => anchor(line)));
    },
    60_000,
  );

  it.each([
    ['ideographic description sequences are stepped over whole', 'cn', 'tw', '⿰氵每发⿱艹头发'],
    ['a sequence cut short by the end of the text', 'cn', 't', '头发⿰氵'],
    ['astral characters and compatibility ideographs', 'cn', 'hk', '𠮷头发 \uF900 \u{2F800} 𡘙说'],
    ['Taiwan wording across lengths', 'cn', 'twp', '内存不足，软件出租车，鼠标和打印机'],
    ['Taiwan wording back', 'twp', 'cn', '記憶體不足，軟體計程車，滑鼠和印表機'],
    ['lone surrogates', 'cn', 't', '\uD800头\uDC00发'],
    ['empty text', 'cn', 'tw', ''],
    ['Latin text and digits', 'hk', 'cn', 'ABC 123 abc'],
  ] as const)('%s', async (_label, from, to, text) => {
    expect(await convert(from, to, text)).toBe(OpenCC.Converter({ from, to })(text));
  });

  it('returns the text itself for the same script', async () => {
    const converter = await loadConverter('tw', 'tw', loadNodeDictionaries);
    expect(converter.identity).toBe(true);
    expect(converter.convert('頭髮')).toBe('頭髮');
  });
});

describe('dictionaries', () => {
  it('loads only the direction needed', () => {
    expect(bundlesFor(dictionariesOf(conversionPlan('cn', 'tw')))).toEqual([
      'opencc-st',
      'opencc-variants',
    ]);
    expect(bundlesFor(dictionariesOf(conversionPlan('tw', 'cn')))).toEqual([
      'opencc-ts',
      'opencc-variants',
    ]);
    expect(bundlesFor(dictionariesOf(conversionPlan('t', 'hk')))).toEqual(['opencc-variants']);
    expect(dictionariesOf(conversionPlan('hk', 'hk'))).toEqual([]);
  });
});

describe('alignment of input and output', () => {
  it('maps a cut inside a phrase to the same place in its conversion', async () => {
    const converter = await loadConverter('cn', 'tw', loadNodeDictionaries);
    const aligned = converter.convertAligned('理发头发');
    expect(aligned.text).toBe('理髮頭髮');
    expect([0, 1, 2, 3, 4].map(aligned.outputOffset)).toEqual([0, 1, 2, 3, 4]);
  });

  it('shares out a phrase whose conversion has another length, never going back', async () => {
    const converter = await loadConverter('cn', 'twp', loadNodeDictionaries);
    const aligned = converter.convertAligned('买内存条');
    expect(aligned.text).toBe(OpenCC.Converter({ from: 'cn', to: 'twp' })('买内存条'));
    const offsets = [0, 1, 2, 3, 4].map(aligned.outputOffset);
    expect(offsets[0]).toBe(0);
    expect(offsets[4]).toBe(aligned.text.length);
    for (let i = 1; i < offsets.length; i += 1)
      expect(offsets[i]).toBeGreaterThanOrEqual(offsets[i - 1] as number);
  });

  it('never splits a surrogate pair', async () => {
    const converter = await loadConverter('cn', 't', loadNodeDictionaries);
    const text = '𠮷头𡘙发';
    const aligned = converter.convertAligned(text);
    for (let offset = 0; offset <= text.length; offset += 1) {
      const mapped = aligned.outputOffset(offset);
      const unit = aligned.text.charCodeAt(mapped);
      expect(unit >= 0xdc00 && unit <= 0xdfff).toBe(false);
    }
  });

  it('gives the same text as convert', async () => {
    const converter = await loadConverter('hk', 'cn', loadNodeDictionaries);
    const text = magicHtmlLabelled()[0]?.content ?? '';
    expect(converter.convertAligned(text).text).toBe(converter.convert(text));
  });
});
