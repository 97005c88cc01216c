/** `npm start` builds, serves the demo article and opens the browser with the extension on it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('npm start opens the demo article with the reader offered', async () => {
  // --headless --exit: the same start-up, then check the on-page reader button appeared and quit.
  const { stdout } = await promisify(execFile)(
    'node',
    ['scripts/start.mjs', '--headless', '--exit'],
    { timeout: 90_000 },
  );
  expect(stdout).toContain('Opened http://www.ziyang.gov.cn/');
  expect(stdout).toContain('The detector offered the reader on the demo article.');
});
