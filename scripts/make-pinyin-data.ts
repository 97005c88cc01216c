// npx tsx scripts/make-pinyin-data.ts
// Writes utils/pinyin/data/modern-phrases.ts from @pinyin-pro/data (scripts/lib/pinyin-data.ts).
// Rerun when pinyin-pro or @pinyin-pro/data changes; a unit test (tests/unit/pinyin-data.test.ts)
// fails while the file differs from what this makes.
import { writeFileSync } from 'node:fs';
import { MODERN_PHRASES_FILE, modernPhraseFixes, modernPhrasesModule } from './lib/pinyin-data';

const fixes = modernPhraseFixes();
writeFileSync(MODERN_PHRASES_FILE, modernPhrasesModule(fixes));
console.log(`${Object.keys(fixes).length} phrases → ${MODERN_PHRASES_FILE}`);
