import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GOV_HOST_MATCHES } from './utils/detect/gov-hosts';

// See docs/architecture.md in the README for why each permission is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    resolve: {
      // WXT's content-script context tells the page the extension's id when each content script
      // starts: ours does not (see utils/wxt/content-script-context.ts).
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'utils/wxt/content-script-context.ts'),
        },
      ],
    },
    // Vite's module-preload polyfill fetches <link rel=modulepreload> files itself: the extension
    // makes no request of its own, and its pages load their own files directly.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // `tts`: speech started from the popup or a shortcut runs in the background, where it outlives
    // the popup. Chrome only: Firefox has no tts API and speaks through the page's speechSynthesis.
    // `offscreen`: the article is extracted in an offscreen document, away from the page (the
    // service worker has no DOM). Firefox extracts in its background page.
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['tts', 'offscreen']),
    ],
    host_permissions: GOV_HOST_MATCHES,
    // Asked for one site at a time, when the user adds it in the options page or the popup.
    optional_host_permissions: ['*://*/*'],
    // Chrome suggests at most four shortcuts; users change them on the browser's shortcuts page.
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandToggleReader__',
      },
      'text-larger': {
        suggested_key: { default: 'Alt+Shift+Up' },
        description: '__MSG_commandLarger__',
      },
      'text-smaller': {
        suggested_key: { default: 'Alt+Shift+Down' },
        description: '__MSG_commandSmaller__',
      },
      'toggle-speech': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandSpeech__',
      },
      // Beyond Chrome's four suggested keys: the user picks keys on the browser's shortcuts page.
      'toggle-point-read': { description: '__MSG_commandPointRead__' },
      'toggle-caption': { description: '__MSG_commandCaption__' },
      'cycle-pinyin': {
        description: '__MSG_commandPinyin__',
      },
    },
    action: {
      default_title: '__MSG_extName__',
    },
    // The caption bar's frame (utils/assist/caption-frame.ts), framed by the tools on any page the
    // user turns them on for. On Chrome only through the per-session dynamic URL, so a page cannot
    // tell from a fixed URL that the extension is installed; Firefox's extension URLs are per
    // install already (and Manifest V2 lists the files only).
    web_accessible_resources:
      browser === 'firefox'
        ? ['caption-frame.html']
        : [{ resources: ['caption-frame.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(browser === 'firefox' && {
      // Manifest V2 has no optional_host_permissions: origins are optional permissions there.
      optional_permissions: ['*://*/*'],
      browser_specific_settings: {
        gecko: {
          id: 'yidu-reader@yidu.example',
          // data_collection_permissions needs Firefox 140 (Android 142).
          strict_min_version: '140.0',
          // The extension collects and sends nothing: all work happens in the browser.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
