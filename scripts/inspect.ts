// npm run inspect -- <page.html> [--url <page url>] [--json]
// Runs the extension's detect → extract pipeline in Node on a saved page, through the same code the
// browser runs: for bug reports, fixtures and benchmarks.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inspectPage } from './lib/inspect-page';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run inspect -- <page.html> [--url <page url>] [--json]');
  process.exit(2);
}

const result = inspectPage(readFileSync(file), values.url ?? 'about:blank');
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const { article } = result;
  console.log(
    `article: ${result.isArticle ? 'yes' : 'no'} (confidence ${result.confidence.toFixed(2)}; ${result.reasons.join(', ') || 'no signals'})`,
  );
  console.log(`charset: ${result.charset}`);
  if (!article) {
    console.log('extraction: no article text found');
  } else {
    console.log(`title:     ${article.title}`);
    console.log(`published: ${article.publishedTime ?? '—'}`);
    console.log(`source:    ${article.source ?? '—'}`);
    console.log(`site:      ${article.siteName ?? '—'}`);
    console.log(`lang:      ${article.lang ?? '—'}`);
    for (const attachment of article.attachments)
      console.log(`attachment: ${attachment.name} <${attachment.url}>`);
    console.log(`\n${article.text}`);
  }
}
