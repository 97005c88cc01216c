// npm run inspect -- <page.html> [--url <page url>] [--json] [--convert <script> [--from <script>]] [--pinyin all|rare]
// npm run inspect -- convert --from <cn|t|tw|twp|hk> --to <cn|t|tw|twp|hk>   (stdin → stdout)
// Runs the extension's detect → extract → convert pipeline in Node on a saved page, through the same
// code the browser runs: for bug reports, fixtures and benchmarks.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { detectScript } from '../utils/convert/detect-script';
import { loadConverter } from '../utils/convert/load-converter';
import { loadNodeDictionaries } from '../utils/convert/load-node';
import { isScript, SCRIPTS, type Script } from '../utils/convert/scripts';
import { jyutpingSource } from '../utils/pinyin/engines-jyutping';
import { isPinyinMode } from '../utils/pinyin/modes';
import { createPinyinReader } from '../utils/pinyin/pinyin-view';
import { type Reading, readingPairs } from '../utils/pinyin/readings';
import { convertArticle, inspectPage } from './lib/inspect-page';

const USAGE = `usage: npm run inspect -- <page.html> [--url <page url>] [--json] [--convert <script> [--from <script>]] [--pinyin all|rare]
       npm run inspect -- convert --from <script> --to <script>   (standard input, line by line)
scripts: ${SCRIPTS.join(', ')}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    json: { type: 'boolean', default: false },
    convert: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    pinyin: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  console.error(USAGE);
  process.exit(2);
}

/** A script named on the command line, or exit with the usage. */
function scriptArgument(value: string | undefined): Script {
  if (isScript(value)) return value;
  console.error(`not a script: ${value ?? '(missing)'}\n${USAGE}`);
  process.exit(2);
}

if (file === 'convert' && positionals.length === 1) {
  const converter = await loadConverter(
    scriptArgument(values.from),
    scriptArgument(values.to),
    loadNodeDictionaries,
  );
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity }))
    process.stdout.write(`${converter.convert(line)}\n`);
  process.exit(0);
}

const result = inspectPage(readFileSync(file), values.url ?? 'about:blank');
if (values.convert !== undefined && result.article) {
  const to = scriptArgument(values.convert);
  const from =
    values.from !== undefined
      ? scriptArgument(values.from)
      : (detectScript(result.article.text, result.article.lang).script ?? 'cn');
  result.article.converted = convertArticle(
    result.article,
    await loadConverter(from, to, loadNodeDictionaries),
  );
}
// Pinyin over the article as extracted (title first, then the body, as in `text`), read as the
// reader reads it: by phrase, traditional through simplified, Jyutping for Hong Kong text.
let pinyin: [string, Reading][] | undefined;
if (values.pinyin !== undefined) {
  if (!isPinyinMode(values.pinyin) || values.pinyin === 'off') {
    console.error(`--pinyin takes all or rare\n${USAGE}`);
    process.exit(2);
  }
  const text = result.article ? `${result.article.title}\n${result.article.text}` : '';
  const readings = await createPinyinReader({
    loader: loadNodeDictionaries,
    loadJyutping: async () => jyutpingSource,
  })(text, {
    mode: values.pinyin,
    ...(values.from !== undefined && { script: scriptArgument(values.from) }),
  });
  pinyin = readingPairs(text, readings);
}
if (values.json) {
  console.log(JSON.stringify(pinyin ? { ...result, pinyin } : result));
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
    console.log(`published: ${article.publishedTime ?? '—'} (${article.dateFrom ?? '—'})`);
    console.log(`source:    ${article.source ?? '—'} (${article.sourceFrom ?? '—'})`);
    if (article.docNumber) console.log(`文号:      ${article.docNumber}`);
    console.log(`site:      ${article.siteName ?? '—'}`);
    console.log(`lang:      ${article.lang ?? '—'}`);
    for (const attachment of article.attachments)
      console.log(`attachment: ${attachment.name} <${attachment.url}>`);
    console.log(`\n${article.text}`);
    if (pinyin)
      console.log(
        `\npinyin (${values.pinyin}):\n${pinyin.map(([c, r]) => (r ? `${c}(${r})` : c)).join('')}`,
      );
    if (article.converted) {
      const { from, to, title, text } = article.converted;
      console.log(`\nconverted ${from} → ${to}\ntitle:     ${title}\n\n${text}`);
    }
  }
}
