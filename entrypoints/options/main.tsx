import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView, type Shortcut } from '~/components/options-view';
import { themeStylesheet } from '~/utils/display/themes';
import { sendToBackground } from '~/utils/messages';
import { withSite } from '~/utils/settings';
import { resetSettings } from '~/utils/settings-storage';
import { normaliseHostInput, requestHostPermission } from '~/utils/site-access';
import { chineseVoices, type VoiceInfo, waitForVoices } from '~/utils/speech/voices';
import { useSettings } from '~/utils/use-settings';
import '~/components/reading-controls.css';
import './style.css';

/**
 * The Chinese voices: from the background's chrome.tts on Chrome (the voices speech started from
 * the popup uses), else from this page's speechSynthesis (Firefox reads in the page).
 */
async function loadChineseVoices(): Promise<VoiceInfo[]> {
  const answer = await sendToBackground({ type: 'ui→background:speech-voices' }).catch(
    () => undefined,
  );
  if (answer) return answer.voices;
  const voices = await waitForVoices({
    get: () =>
      speechSynthesis
        .getVoices()
        .map(({ name, lang, localService }) => ({ name, lang, localService })),
    onChange: (listener) => {
      speechSynthesis.addEventListener('voiceschanged', listener);
      return () => speechSynthesis.removeEventListener('voiceschanged', listener);
    },
  });
  return chineseVoices(voices);
}

function App() {
  const { settings, change, saveFailed } = useSettings();
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [voices, setVoices] = useState<VoiceInfo[]>();
  useEffect(() => void loadChineseVoices().then(setVoices), []);
  useEffect(() => {
    void browser.commands.getAll().then((commands) =>
      setShortcuts(
        commands
          .filter((command) => command.name && command.description)
          .map((command) => ({
            name: command.name as string,
            description: command.description as string,
            shortcut: command.shortcut ?? '',
          })),
      ),
    );
  }, []);
  return (
    <>
      <style>{themeStylesheet(':root', settings.theme)}</style>
      <OptionsView
        settings={settings}
        saveFailed={saveFailed}
        shortcuts={shortcuts}
        voices={voices}
        onChange={change}
        onAddSite={async (input) => {
          const host = normaliseHostInput(input);
          if (!host) return 'invalid';
          // The permission prompt needs the click's user gesture: ask before anything else awaits.
          if (!(await requestHostPermission(host))) return 'denied';
          await change({ sites: withSite(settings, host, { autoOpen: true }) });
          return 'added';
        }}
        onChangeSite={(host, siteChange) =>
          void change({ sites: withSite(settings, host, siteChange) })
        }
        onRemoveSite={(host) => {
          const { [host]: _removed, ...others } = settings.sites;
          void change({ sites: others });
          void browser.permissions.remove({ origins: [`*://${host}/*`] }).catch(() => false);
        }}
        onReset={() => void resetSettings()}
      />
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle');
render(<App />, document.getElementById('app') as HTMLElement);
