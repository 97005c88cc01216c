/**
 * Which sites the extension may read, and asking for more. Government hosts are granted at install;
 * a site the user adds in the options page (or switches "always open the reader" on for) is asked
 * for at that moment, and the detector is then registered for it at runtime.
 */
import { browser } from 'wxt/browser';
import { GOV_HOST_MATCHES } from './detect/gov-hosts';

const GOV_SUFFIXES = GOV_HOST_MATCHES.map((pattern) =>
  pattern.slice('*://*.'.length, -'/*'.length),
);

/** The host name of an http(s) URL, or undefined for anything else. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the host is one the detector always runs on (gov.cn, gov.hk, gov.mo, gov.tw and below). */
export function isGovHost(host: string): boolean {
  return GOV_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The match pattern for one host, for permissions and content-script registration. */
export function matchPatternFor(host: string): string {
  return `*://${host}/*`;
}

/** A host name the user typed ("https://www.example.com/a", "WWW.Example.com") as the site list keys it. */
export function normaliseHostInput(input: string): string | undefined {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return undefined;
  const host = hostOf(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
  return host && /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : undefined;
}

/**
 * Asks for access to a non-government host. Call it straight from a click handler: the browser
 * only shows its prompt for a user gesture.
 */
export function requestHostPermission(host: string): Promise<boolean> {
  if (isGovHost(host)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [matchPatternFor(host)] });
}

/** The content-script registration id for the detector on user-added sites. */
export const SITE_DETECTOR_ID = 'yidu-detector-sites';

/**
 * Keeps the detector registered on exactly the user's added sites the extension has access to:
 * called by the background at start-up and whenever the site list or permissions change.
 */
export async function syncSiteDetector(hosts: string[], detectorFile: string): Promise<string[]> {
  const granted: string[] = [];
  for (const host of hosts) {
    if (isGovHost(host)) continue;
    if (await browser.permissions.contains({ origins: [matchPatternFor(host)] }))
      granted.push(host);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITE_DETECTOR_ID] });
  if (existing.length > 0)
    await browser.scripting.unregisterContentScripts({ ids: [SITE_DETECTOR_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SITE_DETECTOR_ID,
        matches: granted.map(matchPatternFor),
        js: [detectorFile],
        runAt: 'document_idle',
      },
    ]);
  }
  return granted;
}
