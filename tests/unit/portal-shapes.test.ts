import { describe, expect, it } from 'vitest';
import {
  isNotArticleUrl,
  matchArticleShape,
  NOT_ARTICLE_URL,
  PORTAL_SHAPES,
} from '~/utils/detect/portal-shapes';

/** The examples (present outside the production build). */
function examplesOf<T>(examples: false | T): T {
  if (!examples) throw new Error('portal shape examples are missing outside the production build');
  return examples;
}
const allArticleExamples = PORTAL_SHAPES.flatMap((shape) =>
  examplesOf(shape.examples).article.map((url) => ({ url, owner: shape.name })),
);
const allNotArticleExamples = [
  ...PORTAL_SHAPES.flatMap((shape) => examplesOf(shape.examples).notArticle),
  ...examplesOf(NOT_ARTICLE_URL.examples).match,
];

describe('portal shapes table', () => {
  it('is sorted by name, names are unique, every row has examples both ways', () => {
    const names = PORTAL_SHAPES.map((shape) => shape.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const shape of PORTAL_SHAPES) {
      expect(examplesOf(shape.examples).article.length, shape.name).toBeGreaterThan(0);
      expect(examplesOf(shape.examples).notArticle.length, shape.name).toBeGreaterThan(0);
    }
  });

  it('gives every shape a marker its pattern requires, so the marker never hides an article', () => {
    for (const shape of PORTAL_SHAPES) {
      // The pattern's literal text: its escapes undone, folded to lower case when it ignores case.
      const literal = shape.article.source.replace(/\\(.)/g, '$1');
      const pattern = shape.article.ignoreCase ? literal.toLowerCase() : literal;
      expect(pattern, shape.name).toContain(shape.marker);
      if (shape.article.ignoreCase)
        expect(shape.marker, shape.name).toBe(shape.marker.toLowerCase());
    }
  });

  // Every example against every predicate: an article example matches its own shape and no other
  // shape's list; a non-article example matches no article shape at all.
  it.each(allArticleExamples)('$url is an article of shape $owner only', ({ url, owner }) => {
    const parsed = new URL(url);
    expect(matchArticleShape(parsed)?.name).toBe(owner);
    for (const shape of PORTAL_SHAPES) {
      expect(shape.article.test(parsed.pathname + parsed.search), shape.name).toBe(
        shape.name === owner,
      );
    }
    expect(isNotArticleUrl(parsed)).toBe(false);
  });

  it.each(allNotArticleExamples)('%s matches no article shape', (url) => {
    const parsed = new URL(url);
    for (const shape of PORTAL_SHAPES) {
      expect(shape.article.test(parsed.pathname + parsed.search), shape.name).toBe(false);
    }
  });

  it.each(examplesOf(NOT_ARTICLE_URL.examples).match)(
    '%s is a list, index or search page',
    (url) => {
      expect(isNotArticleUrl(new URL(url))).toBe(true);
    },
  );

  it.each(examplesOf(NOT_ARTICLE_URL.examples).noMatch)('%s is not taken for a list', (url) => {
    expect(isNotArticleUrl(new URL(url))).toBe(false);
  });
});
