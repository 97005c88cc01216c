import { browser } from 'wxt/browser';
import { startCaptionFrame } from '~/utils/assist/caption-frame';

// The caption bar's own document, framed by the page tools (utils/assist/page-tools.ts).
document.title = browser.i18n.getMessage('assistCaption');
startCaptionFrame(window);
