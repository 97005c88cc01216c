/** Opening the reader in a tab: from the popup, the on-page button, a shortcut or speech. */
import type { MessageHandlers, OpenReaderResult, TabSender } from '../messages';
import type { ScriptInjector } from './tab-scripts';

export function createReaderOpening(deps: { sendToTab: TabSender; injectScript: ScriptInjector }) {
  /** Opens the reader in a tab: asks an already injected reader first, else injects it. */
  async function openReader(tabId: number | undefined): Promise<OpenReaderResult> {
    if (tabId === undefined) return { ok: false, reason: 'no-tab' };
    // A page without a reader either has no listener (rejects) or only the detector, which leaves
    // the message unanswered (resolves undefined).
    const answered = await deps
      .sendToTab(tabId, { type: '→page:reader-open' })
      .catch(() => undefined);
    if (answered === true) return { ok: true };
    // Inject the reader: allowed on government hosts, and on any page the user has just clicked the
    // toolbar button on, through activeTab.
    return (await deps.injectScript(tabId, 'reader'))
      ? { ok: true }
      : { ok: false, reason: 'not-allowed' };
  }

  const handlers: MessageHandlers<'ui→background:open-reader'> = {
    // The popup's tab, or the on-page button's own (the listener resolved which).
    'ui→background:open-reader': (_message, { tabId }) => openReader(tabId),
  };
  return { openReader, handlers };
}
