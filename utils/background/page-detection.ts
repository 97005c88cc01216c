/**
 * What the background does with a detector's report: the toolbar badge, and on an article page the
 * user's per-site choices (the page in one script, the reader opened, or the on-page button offered).
 */
import type { ScriptChoice, SourceChoice } from '../convert/script-view';
import { t } from '../i18n';
import type { MessageHandlers, TabSender } from '../messages';
import type { PinyinMode } from '../pinyin/modes';
import { withSite } from '../settings';
import { loadSettings, updateSettings } from '../settings-storage';
import type { ToolbarAction } from './apis';
import type { ScriptInjector } from './tab-scripts';

export function createPageDetection(deps: {
  action: ToolbarAction;
  sendToTab: TabSender;
  injectScript: ScriptInjector;
  /** An article page was found: a reader may open soon. */
  prepareExtraction: () => void;
  convertPageIn: (tabId: number, script: ScriptChoice, source: SourceChoice) => Promise<unknown>;
  /** Pinyin over the page itself (a site always shown with pinyin). */
  pinyinPageIn?: (tabId: number, mode: PinyinMode) => Promise<unknown>;
  openReader: (tabId: number) => Promise<unknown>;
}) {
  const handlers: MessageHandlers<
    'content→background:page-detected' | 'content→background:hide-entry-button'
  > = {
    // The tab and the host are the sender's, as the browser reports them.
    'content→background:page-detected': async ({ verdict }, { tabId, host }) => {
      if (tabId === undefined || host === undefined) return;
      const settings = await loadSettings();
      const site = settings.sites[host] ?? {};
      const isArticle = verdict.kind === 'article';
      await deps.action.setBadgeText({ tabId, text: isArticle ? t('badgeArticle') : '' });
      if (!isArticle) {
        // A single-page site may have moved off an article: take its button away.
        await deps.sendToTab(tabId, { type: '→page:hide-entry' }).catch(() => undefined);
        return;
      }
      deps.prepareExtraction();
      await deps.action.setBadgeBackgroundColor({ tabId, color: '#0b4a8f' });
      await deps.action.setTitle({ tabId, title: t('badgeArticleTitle') });
      if (site.script) await deps.convertPageIn(tabId, site.script, settings.sourceScript);
      if (site.pinyin) await deps.pinyinPageIn?.(tabId, site.pinyin);
      if (site.autoOpen) await deps.openReader(tabId);
      else if (!site.hideEntryButton) await deps.injectScript(tabId, 'entry');
    },
    'content→background:hide-entry-button': async (_message, { host }) => {
      if (host === undefined) return;
      const settings = await loadSettings();
      await updateSettings({ sites: withSite(settings, host, { hideEntryButton: true }) });
    },
  };
  return { handlers };
}
