/** The golden pages of tests/fixtures/pages as jsdom documents, for detection and extraction tests. */
import { JSDOM } from 'jsdom';
import { type GoldenPage, loadPages } from '../../scripts/fixture-server.mjs';

export interface LoadedGoldenPage extends GoldenPage {
  dom: JSDOM;
}

export function goldenPages(): LoadedGoldenPage[] {
  return loadPages().map(loaded);
}

/** One golden page, parsed alone (parsing them all takes seconds). */
export function goldenPage(slug: string): LoadedGoldenPage {
  const page = loadPages().find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`no golden page ${slug}`);
  return loaded(page);
}

function loaded(page: GoldenPage): LoadedGoldenPage {
  return {
    ...page,
    dom: new JSDOM(page.html, { url: page.url, contentType: page.contentType ?? 'text/html' }),
  };
}
