import { browser } from 'wxt/browser';
import { bundleScriptPath, isDictionaryBundle } from '~/utils/convert/load-extension';
import { t } from '~/utils/i18n';
import {
  createMessageListener,
  type LoadDictionariesResult,
  type MessageSender,
  type OpenReaderResult,
  sendToTab,
} from '~/utils/messages';

/** The reader's bundle, registered at runtime (see entrypoints/reader.content). */
const READER_SCRIPT = '/content-scripts/reader.js';

export default defineBackground(() => {
  // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
  const action = browser.action ?? browser.browserAction;

  browser.runtime.onMessage.addListener(
    createMessageListener({
      'content→background:page-detected': async ({ status }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return;
        const isArticle = status.kind === 'article';
        await action.setBadgeText({ tabId, text: isArticle ? t('badgeArticle') : '' });
        if (isArticle) {
          await action.setBadgeBackgroundColor({ tabId, color: '#0b4a8f' });
          await action.setTitle({ tabId, title: t('badgeArticleTitle') });
        }
      },
      'ui→background:open-reader': ({ tabId }, sender) => openReader(tabId ?? sender.tab?.id),
      'content→background:load-dictionaries': ({ bundles }, sender) =>
        injectDictionaries(bundles, sender),
    }),
  );
});

/** Opens the reader in a tab: asks an already injected reader first, else injects it. */
async function openReader(tabId: number | undefined): Promise<OpenReaderResult> {
  if (tabId === undefined) return { ok: false, reason: 'no-tab' };
  // A page without a reader either has no listener (rejects) or only the detector, which leaves
  // the message unanswered (resolves undefined).
  const answered = await sendToTab(tabId, { type: '→page:reader-open' }).catch(() => undefined);
  if (answered === true) return { ok: true };
  // Inject the reader: allowed on government hosts, and on any page the user has just clicked the
  // toolbar button on, through activeTab.
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
    return { ok: true };
  } catch (error) {
    console.warn('[yidu] cannot inject the reader', error);
    return { ok: false, reason: 'not-allowed' };
  }
}

/** Injects OpenCC dictionary bundles into the frame of the reader that asked for them. */
async function injectDictionaries(
  bundles: unknown[],
  sender: MessageSender,
): Promise<LoadDictionariesResult> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, reason: 'no-tab' };
  if (!bundles.every(isDictionaryBundle)) return { ok: false, reason: 'unknown-bundle' };
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: bundles.map(bundleScriptPath),
    });
    return { ok: true };
  } catch (error) {
    console.warn('[yidu] cannot inject OpenCC dictionaries', error);
    return { ok: false, reason: 'not-allowed' };
  }
}
