/**
 * Whether a Chinese page is written in simplified (zh-Hans) or traditional (zh-Hant) characters:
 * from its `lang` attribute when that names a script or region, else from its text. No OpenCC here:
 * the reader must not load a megabyte of dictionaries to set one attribute.
 */
export type ChineseScript = 'zh-Hans' | 'zh-Hant';

/** Regions whose written Chinese is simplified, and those whose is traditional. */
const SIMPLIFIED_REGIONS = new Set(['cn', 'sg', 'my']);
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * Seventy-three frequent characters that exist in one script only, paired by position
 * (国/國 ...). Characters shared by both scripts in some sense (后, 里, 几, 面, 台, 干, 系, 只,
 * 范, 准) are left out: a traditional text writes 后 for "empress" and 里 for the unit of length.
 */
const SIMPLIFIED_ONLY =
  '国这为发会说时来对们个过还进经开关长间问门实现动种样点从东车电话认体边学头见机业产务报区县应议举华书记让无与两万听网线该题数总办农计员达运组织统级';
const TRADITIONAL_ONLY =
  '國這為發會說時來對們個過還進經開關長間問門實現動種樣點從東車電話認體邊學頭見機業產務報區縣應議舉華書記讓無與兩萬聽網線該題數總辦農計員達運組織統級';

const SIMPLIFIED_SET = new Set(SIMPLIFIED_ONLY);
const TRADITIONAL_SET = new Set(TRADITIONAL_ONLY);

/**
 * Stop counting once one script leads by this much: a few hundred characters settle it, and a
 * long page should cost no more than a short one.
 */
const DECISIVE_LEAD = 50;

/** The script a BCP 47 tag names (zh-CN, zh-Hant-HK, zh_TW...), or undefined when it names none. */
export function scriptOfLangTag(tag: string | null | undefined): ChineseScript | undefined {
  const [language, ...subtags] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (language !== 'zh') return undefined;
  if (subtags.includes('hans')) return 'zh-Hans';
  if (subtags.includes('hant')) return 'zh-Hant';
  if (subtags.some((subtag) => SIMPLIFIED_REGIONS.has(subtag))) return 'zh-Hans';
  if (subtags.some((subtag) => TRADITIONAL_REGIONS.has(subtag))) return 'zh-Hant';
  return undefined;
}

/** The script most of `text`'s script-specific characters belong to; undefined on a tie. */
export function scriptOfText(text: string): ChineseScript | undefined {
  let simplified = 0;
  let traditional = 0;
  for (const character of text) {
    if (SIMPLIFIED_SET.has(character)) simplified += 1;
    else if (TRADITIONAL_SET.has(character)) traditional += 1;
    else continue;
    if (Math.abs(simplified - traditional) >= DECISIVE_LEAD) break;
  }
  if (simplified === traditional) return undefined;
  return simplified > traditional ? 'zh-Hans' : 'zh-Hant';
}
