// Serves the golden pages in tests/fixtures/pages/<slug>/ at the URLs their page.json names, so a
// browser started with --host-resolver-rules (see hostResolverRules), or one that uses the server as
// its HTTP proxy (Firefox, which has no such switch), visits http://www.ziyang.gov.cn/... and the
// detector's real match patterns apply. Used by the E2E tests and by `npm start`.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

export const PAGES_DIR = new URL('../tests/fixtures/pages/', import.meta.url).pathname;

/** Every golden page: { slug, url, html (Buffer), expected }. */
export function loadPages() {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      const meta = JSON.parse(readFileSync(join(PAGES_DIR, name, 'page.json'), 'utf8'));
      return { slug: name, ...meta, html: readFileSync(join(PAGES_DIR, name, 'source.html')) };
    });
}

/**
 * Starts the server on a free loopback port; resolves to { port, pages, close() }. `extra`: more
 * pages by URL ({ body, contentType }), for tests that build their own.
 */
export async function startFixtureServer({ extra = {} } = {}) {
  const pages = loadPages();
  const byUrl = new Map([
    ...pages.map((page) => [stripQuery(page.url), page]),
    ...Object.entries(extra).map(([url, page]) => [stripQuery(url), { ...page, html: page.body }]),
  ]);
  const server = createServer((request, response) => {
    // A proxy request names the whole URL; a direct one only the path.
    const url = /^https?:\/\//.test(request.url ?? '')
      ? request.url
      : `http://${request.headers.host}${request.url}`;
    const page = byUrl.get(stripQuery(url));
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': page.contentType ?? 'text/html; charset=utf-8' });
    response.end(page.html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { port, pages, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Chromium's --host-resolver-rules value that sends every fixture host to the server. */
export function hostResolverRules(pages, port) {
  const hosts = [...new Set(pages.map((page) => new URL(page.url).hostname))];
  return hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
}

function stripQuery(url) {
  const parsed = new URL(url);
  return `${parsed.host.replace(/:\d+$/, '')}${parsed.pathname}`;
}
