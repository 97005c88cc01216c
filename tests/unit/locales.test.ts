import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = 'public/_locales';
const locales = readdirSync(LOCALES_DIR);
type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(`${LOCALES_DIR}/${locale}/messages.json`, 'utf8'));

describe('locale files', () => {
  it('are zh_CN (the default), zh_TW and en', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN', 'zh_TW']);
  });

  const reference = read('zh_CN');
  it.each(locales)('%s has exactly the keys and placeholders of zh_CN, none empty', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(reference).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), key).not.toBe('');
      expect(Object.keys(entry.placeholders ?? {}), key).toEqual(
        Object.keys(reference[key]?.placeholders ?? {}),
      );
      for (const name of Object.keys(entry.placeholders ?? {})) {
        expect(entry.message.toLowerCase(), key).toContain(`$${name}$`);
      }
    }
  });
});
