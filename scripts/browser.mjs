// Finds a Chromium-family browser and starts it with the built extension loaded. Shared by
// `npm start` and the E2E tests.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve(new URL('..', import.meta.url).pathname, '.output/chrome-mv3');

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The first browser found, or undefined. CHROMIUM_PATH wins. */
export function findBrowser() {
  return CANDIDATES.find((path) => path && existsSync(path));
}

export const BROWSER_NOT_FOUND = `No Chromium or Chrome found. Install one (Debian/Ubuntu: apt-get install chromium)
or point to it: CHROMIUM_PATH=/path/to/chrome npm start
(Google Chrome 137 and later ignore --load-extension; Chromium, Chrome for Testing or
Chrome Canary still load it.)`;

const SPEECHD_SYSTEM_DIR = '/etc/speech-dispatcher';

/**
 * Environment for real voices that are heard by nobody: Chromium (with --enable-speech-dispatcher)
 * starts speech-dispatcher, which inherits these variables. In a container without PulseAudio three
 * things make an utterance finish instead of hanging: a private XDG_RUNTIME_DIR (mode 700) for its
 * socket, a speechd.conf that sends audio to ALSA (a copy of the system one, with `clients` and
 * `modules` linked beside it), and ALSA's default device set to the null device in ~/.asoundrc.
 * Everything lives in a fresh temporary directory, so the user's home is neither needed nor touched.
 * Returns {} when speech-dispatcher is not installed (Chromium then simply has no voices).
 */
export function silentSpeechEnvironment() {
  const systemConf = join(SPEECHD_SYSTEM_DIR, 'speechd.conf');
  if (!existsSync(systemConf)) return {};
  const root = mkdtempSync(join(tmpdir(), 'yidu-speech-'));
  const runtime = join(root, 'runtime');
  mkdirSync(runtime, { mode: 0o700 });
  chmodSync(runtime, 0o700);
  const config = join(root, 'config');
  const speechdConfig = join(config, 'speech-dispatcher');
  mkdirSync(speechdConfig, { recursive: true });
  const conf = readFileSync(systemConf, 'utf8').replace(
    /^\s*#?\s*AudioOutputMethod\b.*$/m,
    'AudioOutputMethod "alsa"',
  );
  writeFileSync(
    join(speechdConfig, 'speechd.conf'),
    /^AudioOutputMethod "alsa"$/m.test(conf) ? conf : `${conf}\nAudioOutputMethod "alsa"\n`,
  );
  for (const dir of ['clients', 'modules']) {
    const target = join(SPEECHD_SYSTEM_DIR, dir);
    if (existsSync(target)) symlinkSync(target, join(speechdConfig, dir));
  }
  writeFileSync(join(root, '.asoundrc'), 'pcm.!default { type null }\n');
  return {
    HOME: root,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: config,
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_DATA_HOME: join(root, 'data'),
  };
}

/**
 * Launches the browser with the extension from .output/chrome-mv3. `hostRules` maps hosts to the
 * local fixture server. `speech`: 'system' (voices through speech-dispatcher and the user's own
 * audio), 'silent' (real voices into a null audio device, with a private speech-dispatcher set-up:
 * tests and CI) or 'off' (no speech-dispatcher: Chromium has no voices at all). `alongside`: folders
 * of other unpacked extensions to load too (the bench's anchor; none may have a service worker).
 * Resolves to { context, extensionId, serviceWorker }.
 */
export async function launchWithExtension({
  headless = true,
  hostRules,
  lang = 'zh-CN',
  args = [],
  speech = 'system',
  alongside = [],
} = {}) {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(BROWSER_NOT_FOUND);
  const userDataDir = mkdtempSync(join(tmpdir(), 'yidu-profile-'));
  const speechEnv = speech === 'silent' ? silentSpeechEnvironment() : {};
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale: lang,
    // Chromium on Linux takes its UI language (and so the extension's locale) from LANGUAGE, not --lang.
    env: { ...process.env, ...speechEnv, LANGUAGE: lang.replace('-', '_') },
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${[EXTENSION_DIR, ...alongside].join(',')}`,
      `--load-extension=${[EXTENSION_DIR, ...alongside].join(',')}`,
      `--lang=${lang}`,
      ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : []),
      // This machine's network is closed: keep Chromium from trying to reach Google's services.
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-sandbox',
      ...(speech === 'off' ? [] : ['--enable-speech-dispatcher']),
      ...args,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}
