import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView } from '~/components/options-view';
import { resetSettings } from '~/utils/settings-storage';
import { useSettings } from '~/utils/use-settings';
import './style.css';

function App() {
  const { settings, change } = useSettings();
  return <OptionsView settings={settings} onChange={change} onReset={() => void resetSettings()} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle');
render(<App />, document.getElementById('app') as HTMLElement);
