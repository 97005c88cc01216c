/** The golden pages of tests/fixtures/pages as jsdom documents, for detection and extraction tests. */
import { JSDOM } from 'jsdom';
import { type GoldenPage, loadPages } from '../../scripts/fixture-server.mjs';

export interface LoadedGoldenPage extends GoldenPage {
  dom: JSDOM;
}

export function goldenPages(): LoadedGoldenPage[] {
  return loadPages().map((page) => ({
    ...page,
    dom: new JSDOM(page.html, { url: page.url, contentType: page.contentType ?? 'text/html' }),
  }));
}
