import { browser } from 'wxt/browser';
import type { ControlSize } from '~/utils/display/control-size';
import { t } from '~/utils/i18n';
import { createMessageListener, sendToBackground } from '~/utils/messages';
import { ENTRY_BUTTON_MESSAGES } from '~/utils/page-messages';
import { type EntryButtonHandle, showEntryButton } from '~/utils/reader/entry-button';
import { watchControlSize } from '~/utils/reader/entry-control-size';

/**
 * The on-page "阅读模式" button: not in the manifest, injected by the background on article pages
 * where the user has not hidden it, so pages that are not articles never load it and the
 * always-loaded detector stays small. Its size follows the control size in the settings.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const global = globalThis as { yiduEntry?: { show(): void } };
    // A second injection (a single-page site moved to another article) shows the button again.
    if (global.yiduEntry) return global.yiduEntry.show();

    let button: EntryButtonHandle | undefined;
    let wanted = false;
    // Once the user has said "not on this site", nothing brings the button back in this page
    // (not even a detection run before the choice has reached the settings).
    let dismissed = false;
    let controlSize: ControlSize = 'normal';
    // Drawn once the settings are read, so it appears at its size rather than changing after.
    const ready = watchControlSize((size) => {
      controlSize = size;
      button?.resize(size);
    }).then((size) => {
      controlSize = size;
    });
    const draw = () => {
      if (dismissed || !wanted) return;
      button?.remove();
      button = showEntryButton(document, {
        label: t('readerEntry'),
        title: t('readerEntryTitle'),
        dismissLabel: t('entryDismiss'),
        dismissTitle: t('entryDismissTitle'),
        controlSize,
        onClick: () => void sendToBackground({ type: 'ui→background:open-reader' }),
        // The site is the one the browser says this page is on (the background reads it).
        onDismiss: () => {
          dismissed = true;
          void sendToBackground({ type: 'content→background:hide-entry-button' });
        },
      });
    };
    const show = () => {
      wanted = true;
      void ready.then(draw);
    };
    global.yiduEntry = { show };
    browser.runtime.onMessage.addListener(
      createMessageListener(ENTRY_BUTTON_MESSAGES, {
        '→page:hide-entry': () => {
          wanted = false;
          button?.remove();
          button = undefined;
          return true as const;
        },
      }),
    );
    show();
  },
});
