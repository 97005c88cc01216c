import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '~/utils/popup/popup-app';
import { createBrowserConnector } from '~/utils/popup-connector';
import '~/components/reading-controls.css';
import './style.css';

const targetsGivenTab = new URLSearchParams(location.search).has('tabId');
document.documentElement.lang = browser.i18n.getUILanguage();
render(
  <PopupApp
    connector={createBrowserConnector(location.search)}
    closeAfterOpen={!targetsGivenTab}
  />,
  document.getElementById('app') as HTMLElement,
);
