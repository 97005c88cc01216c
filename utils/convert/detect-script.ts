/**
 * Which script a text is written in, so the right conversion is offered: simplified or traditional
 * from the text itself (pages' `lang` attributes are often missing or wrong), and for traditional
 * text the region from `lang` when it says so, else from Taiwan or Hong Kong character forms.
 * Reads at most `SAMPLE_LENGTH` characters, so it costs well under a millisecond on any page.
 */

import { HONG_KONG_FORMS, SIMPLIFIED_HINTS, TAIWAN_FORMS, TRADITIONAL_HINTS } from './script-hints';
import type { Script } from './scripts';

/** Enough text for hundreds of telling characters in any article; more would only cost time. */
export const SAMPLE_LENGTH = 20_000;

/** Regional forms needed before a text is taken for Taiwan or Hong Kong writing, not one stray. */
const MIN_REGIONAL_FORMS = 2;

export interface ScriptGuess {
  /** `cn`, `t`, `tw` or `hk`; null when the text has no character that tells (no Chinese at all). */
  script: Exclude<Script, 'twp'> | null;
  /** Telling characters counted on each side. */
  simplified: number;
  traditional: number;
}

const SIMPLIFIED = new Set(SIMPLIFIED_HINTS);
const TRADITIONAL = new Set(TRADITIONAL_HINTS);
const TAIWAN = new Set(TAIWAN_FORMS);
const HONG_KONG = new Set(HONG_KONG_FORMS);

export function detectScript(text: string, lang?: string | null): ScriptGuess {
  let simplified = 0;
  let traditional = 0;
  let taiwan = 0;
  let hongKong = 0;
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  for (const c of sample) {
    if (SIMPLIFIED.has(c)) simplified += 1;
    else if (TRADITIONAL.has(c)) traditional += 1;
    if (TAIWAN.has(c)) taiwan += 1;
    else if (HONG_KONG.has(c)) hongKong += 1;
  }
  if (simplified === 0 && traditional === 0) return { script: null, simplified, traditional };
  if (simplified >= traditional) return { script: 'cn', simplified, traditional };
  return { script: regionOf(lang, taiwan, hongKong), simplified, traditional };
}

/** The region of traditional text: `lang` first (zh-TW, zh-Hant-HK, zh-MO…), then its forms. */
function regionOf(
  lang: string | null | undefined,
  taiwan: number,
  hongKong: number,
): 'tw' | 'hk' | 't' {
  const region = lang?.toLowerCase().match(/^zh(?:-hant)?-(tw|hk|mo)\b/)?.[1];
  if (region === 'tw') return 'tw';
  if (region === 'hk' || region === 'mo') return 'hk';
  if (taiwan >= MIN_REGIONAL_FORMS && taiwan > hongKong) return 'tw';
  if (hongKong >= MIN_REGIONAL_FORMS && hongKong > taiwan) return 'hk';
  return 't';
}
