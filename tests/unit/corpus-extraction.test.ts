/**
 * Extraction measured on the 59 human-labelled magic-html pages of the shared corpus: character F1
 * of our article text against the labelled main text. Readability with its defaults scores a mean
 * of 0.868 here (45 pages at 0.9 or better). Issue 3's goal is 0.92 and 52 pages; these floors are
 * today's figures (0.957, 53 pages), so that no change makes extraction worse unnoticed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { characterF1, magicHtmlLabelled } from '../../scripts/lib/corpus';
import { inspectPage } from '../../scripts/lib/inspect-page';

const MEAN_F1_FLOOR = 0.95;
const PAGES_AT_0_9_FLOOR = 53;

describe('extraction on the labelled corpus pages', () => {
  it(`keeps a mean F1 of at least ${MEAN_F1_FLOOR} and ${PAGES_AT_0_9_FLOOR} pages at 0.9`, {
    timeout: 240_000,
  }, async () => {
    const scores: number[] = [];
    for (const page of magicHtmlLabelled()) {
      // jsdom frees a closed window only once the event loop turns.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const text = inspectPage(readFileSync(page.path), page.url).article?.text ?? '';
      scores.push(characterF1(text, page.content));
    }
    expect(scores).toHaveLength(59);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(MEAN_F1_FLOOR);
    expect(scores.filter((score) => score >= 0.9).length).toBeGreaterThanOrEqual(
      PAGES_AT_0_9_FLOOR,
    );
  });
});

describe('characterF1', () => {
  it('is 1 for the same text whatever its whitespace, 0 for nothing in common, between otherwise', () => {
    expect(characterF1('通知 公告\n内容', '通知公告内容')).toBe(1);
    expect(characterF1('甲乙', '丙丁')).toBe(0);
    expect(characterF1('', '丙丁')).toBe(0);
    // Half the text found, nothing extra: precision 1, recall 0.5.
    expect(characterF1('甲乙', '甲乙丙丁')).toBeCloseTo(2 / 3, 5);
  });
});
