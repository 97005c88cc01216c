/** The options page's composition: the view over the live settings, voices, shortcuts and sites. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView, type Shortcut } from '~/components/options-view';
import { controlSizeDeclarations } from '../display/control-size';
import { themeStylesheet } from '../display/themes';
import { sendToBackground } from '../messages';
import { withSite } from '../settings';
import { resetSettings } from '../settings-storage';
import { normaliseHostInput, requestHostPermission } from '../site-access';
import { chineseVoices, type VoiceInfo, waitForVoices } from '../speech/voices';
import { useSettings } from '../use-settings';

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

/** The options page, connected to the live settings, the voices and the browser's shortcuts. */
export function OptionsApp() {
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
      <style>{`${themeStylesheet(':root', settings.theme)}\n:root{${controlSizeDeclarations(settings.controlSize)}}`}</style>
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
          return { added: host };
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
