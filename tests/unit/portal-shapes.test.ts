import { describe, expect, it } from 'vitest';
import { NOT_ARTICLE_URL_EXAMPLES, SHAPE_EXAMPLES } from '~/utils/detect/portal-shape-examples';
import { isNotArticleUrl, matchArticleShape, PORTAL_SHAPES } from '~/utils/detect/portal-shapes';

/** A shape's examples; every row must have them. */
function examplesOf(name: string) {
  const examples = SHAPE_EXAMPLES[name];
  if (!examples) throw new Error(`portal shape ${name} has no examples`);
  return examples;
}
const allArticleExamples = PORTAL_SHAPES.flatMap((shape) =>
  examplesOf(shape.name).article.map((url) => ({ url, owner: shape.name })),
);
const allNotArticleExamples = [
  ...PORTAL_SHAPES.flatMap((shape) => examplesOf(shape.name).notArticle),
  ...NOT_ARTICLE_URL_EXAMPLES.match,
];

describe('portal shapes table', () => {
  it('is sorted by name, names are unique, every row has examples both ways', () => {
    const names = PORTAL_SHAPES.map((shape) => shape.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const shape of PORTAL_SHAPES) {
      expect(examplesOf(shape.name).article.length, shape.name).toBeGreaterThan(0);
      expect(examplesOf(shape.name).notArticle.length, shape.name).toBeGreaterThan(0);
    }
    // No examples for a shape that is gone or renamed.
    expect(Object.keys(SHAPE_EXAMPLES).sort()).toEqual([...names].sort());
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

  it.each(NOT_ARTICLE_URL_EXAMPLES.match)('%s is a list, index or search page', (url) => {
    expect(isNotArticleUrl(new URL(url))).toBe(true);
  });

  it.each(NOT_ARTICLE_URL_EXAMPLES.noMatch)('%s is not taken for a list', (url) => {
    expect(isNotArticleUrl(new URL(url))).toBe(false);
  });
});
