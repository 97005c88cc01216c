import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '~/utils/options/options-app';
import '~/components/reading-controls.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle');
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
