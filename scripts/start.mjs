// `npm start`: builds the extension, serves the bundled demo article locally as if it were on
// www.ziyang.gov.cn, and opens Chromium (or Chrome) with the extension loaded on it.
// Options: --headless --exit  (start, check the detector answered, and quit; used by a smoke test)
import { execSync } from 'node:child_process';
import { BROWSER_NOT_FOUND, findBrowser, launchWithExtension } from './browser.mjs';
import { hostResolverRules, startFixtureServer } from './fixture-server.mjs';

const headless = process.argv.includes('--headless');
const exitAfterLoad = process.argv.includes('--exit');

if (!findBrowser()) {
  console.error(BROWSER_NOT_FOUND);
  process.exit(1);
}
execSync('npx wxt build', { stdio: 'inherit' });

const server = await startFixtureServer();
const demo = server.pages.find((page) => page.slug === 'ziyang-article');
const { context } = await launchWithExtension({
  headless,
  hostRules: hostResolverRules(server.pages, server.port),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demo.url);
console.log(`Opened ${demo.url} (served from this machine). Close the browser to stop.`);
context.on('close', () => void server.close().then(() => process.exit(0)));

if (exitAfterLoad) {
  await page.getByTestId('reader-entry').waitFor({ timeout: 10000 });
  console.log('The detector offered the reader on the demo article.');
  await context.close();
}
