// npm run add-page -- <saved page.html> --slug <slug> --url <page url>
// Makes a golden page from a saved page: tests/fixtures/pages/<slug>/source.html (decoded to UTF-8,
// scripts removed) and a page.json whose expectations are what the pipeline finds today. Read it
// and correct it: the expectations must say what is right, not what the code happens to do.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PAGES_DIR } from './fixture-server.mjs';
import { inspectPage, loadDocument } from './lib/inspect-page';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slug: { type: 'string' }, url: { type: 'string' } },
});
const [file] = positionals;
if (!file || !values.slug || !values.url || !/^[a-z0-9-]+$/.test(values.slug)) {
  console.error('usage: npm run add-page -- <page.html> --slug <kebab-case-slug> --url <page url>');
  process.exit(2);
}
const dir = join(PAGES_DIR, values.slug);
if (existsSync(dir)) {
  console.error(`${dir} exists already`);
  process.exit(1);
}

const bytes = readFileSync(file);
const { dom } = loadDocument(bytes, values.url);
const document = dom.window.document;
for (const script of document.querySelectorAll('script, noscript')) script.remove();
const charsetMeta = document.querySelector('meta[charset], meta[http-equiv="Content-Type" i]');
charsetMeta?.remove();
const meta = document.createElement('meta');
meta.setAttribute('charset', 'utf-8');
document.head?.prepend(meta);
const html = `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`;
dom.window.close();

const found = inspectPage(Buffer.from(html), values.url);
const lines = found.article?.text.split('\n') ?? [];
const page = {
  url: values.url,
  source: `${file} (saved ${new Date().toISOString().slice(0, 10)})`,
  licence: 'FILL IN: who owns the page, and on what terms it is used here',
  expected: {
    isArticle: found.isArticle,
    siteName: found.article?.siteName ?? undefined,
    title: found.article?.title,
    // The first and last lines, shortened: enough to tell a cut body from a whole one.
    bodyIncludes: [...new Set([lines[0], lines.at(-1)])]
      .filter(Boolean)
      .map((line) => line?.slice(0, 40)),
    bodyExcludes: [],
  },
};
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'source.html'), html);
writeFileSync(join(dir, 'page.json'), `${JSON.stringify(page, null, 2)}\n`);
console.log(
  `Wrote ${dir}. Check page.json (licence, title, bodyIncludes, bodyExcludes) and add a line to tests/fixtures/pages/README.md.`,
);
