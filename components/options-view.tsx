import { useState } from 'preact/hooks';
import { FONT_SIZES_PX } from '../utils/display/font-size';
import { t } from '../utils/i18n';
import type { Settings, SiteSettings } from '../utils/settings';
import { SPEECH_RATES } from '../utils/speech/speech-rate';
import { isNetworkVoice, readsWithNetworkVoice, type VoiceInfo } from '../utils/speech/voices';
import { AssistOptions } from './assist-controls';
import { PinyinChoices } from './pinyin-choices';
import {
  ElderModeButton,
  ElderModeNote,
  FontChoices,
  SpacingChoices,
  ThemeChoices,
  WidthChoices,
} from './reading-controls';
import { SaveFailed } from './save-failed';
import { ScriptChoices } from './script-choices';

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface OptionsViewProps {
  settings: Settings;
  /** The Chinese voices the browser has (undefined while they load). */
  voices: VoiceInfo[] | undefined;
  shortcuts: Shortcut[];
  onChange: (change: Partial<Settings>) => void;
  /** Adds a site (asking for its permission first); resolves to what to tell the user. */
  /** Adds a site from what the user typed: the host added (as stored), or why not. */
  onAddSite: (input: string) => Promise<{ added: string } | 'invalid' | 'denied'>;
  onChangeSite: (host: string, change: SiteSettings) => void;
  onRemoveSite: (host: string) => void;
  onReset: () => void;
  /** A settings write was refused and waits to be retried. */
  saveFailed?: boolean;
}

/** The options page: the reader's defaults, the site list, the shortcuts, and a reset. */
export function OptionsView(props: OptionsViewProps) {
  const { settings, onChange } = props;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SaveFailed failed={props.saveFailed} />
      <p>{t('optionsIntro')}</p>
      <section class="options-section" aria-labelledby="options-typography">
        <h2 id="options-typography">{t('optionsTypography')}</h2>
        <label class="options-field">
          <span>{t('optionsFontSize')}</span>
          <select
            data-testid="options-font-size"
            value={String(settings.fontSizePx)}
            onChange={(event) => onChange({ fontSizePx: Number(event.currentTarget.value) })}
          >
            {FONT_SIZES_PX.map((size) => (
              <option key={size} value={String(size)}>
                {t('fontSizeValue', `${size}px`)}
              </option>
            ))}
          </select>
        </label>
        <div class="options-row">
          <ElderModeButton settings={settings} onChange={onChange} />
          <ElderModeNote settings={settings} />
        </div>
        <SpacingChoices settings={settings} onChange={onChange} />
        <WidthChoices settings={settings} onChange={onChange} />
        <FontChoices settings={settings} onChange={onChange} />
      </section>
      <section class="options-section" aria-labelledby="options-theme">
        <h2 id="options-theme">{t('optionsTheme')}</h2>
        <ThemeChoices settings={settings} onChange={onChange} />
      </section>
      <section class="options-section" aria-labelledby="options-script">
        <h2 id="options-script">{t('scriptMenu')}</h2>
        <ScriptChoices settings={settings} onChange={onChange} />
      </section>
      <section class="options-section" aria-labelledby="options-pinyin">
        <h2 id="options-pinyin">{t('pinyinMenu')}</h2>
        <PinyinChoices settings={settings} onChange={onChange} />
        <label class="yd-check">
          <input
            type="checkbox"
            data-testid="pinyin-jyutping"
            checked={settings.jyutpingForHongKong}
            onChange={(event) => onChange({ jyutpingForHongKong: event.currentTarget.checked })}
          />
          <span>{t('pinyinJyutpingOption')}</span>
        </label>
      </section>
      <section class="options-section" aria-labelledby="options-speech">
        <h2 id="options-speech">{t('optionsSpeech')}</h2>
        <label class="options-field">
          <span>{t('optionsVoice')}</span>
          <select
            data-testid="options-voice"
            value={settings.speechVoice}
            onChange={(event) => onChange({ speechVoice: event.currentTarget.value })}
          >
            <option value="">{t('optionsVoiceAuto')}</option>
            {(props.voices ?? []).map((voice) => (
              <option key={voice.name} value={voice.name}>
                {isNetworkVoice(voice)
                  ? t('voiceNetworkOption', [voice.name, voice.lang])
                  : `${voice.name} (${voice.lang})`}
              </option>
            ))}
          </select>
        </label>
        {props.voices?.length === 0 && (
          <p class="yd-note" role="alert" data-testid="options-no-voice">
            {t('speechNoVoice')}
          </p>
        )}
        {props.voices && readsWithNetworkVoice(props.voices, undefined, settings.speechVoice) && (
          <p class="yd-note" data-testid="options-network-voice">
            {t('speechNetworkVoice')}
          </p>
        )}
        <label class="options-field">
          <span>{t('speechRateValue', settings.speechRate.toFixed(1))}</span>
          <select
            data-testid="options-speech-rate"
            value={settings.speechRate.toFixed(1)}
            onChange={(event) => onChange({ speechRate: Number(event.currentTarget.value) })}
          >
            {SPEECH_RATES.map((rate) => (
              <option key={rate} value={rate.toFixed(1)}>
                {rate.toFixed(1)}
              </option>
            ))}
          </select>
        </label>
      </section>
      <AssistOptions settings={settings} onChange={onChange} />
      <SiteList {...props} />
      <section class="options-section" aria-labelledby="options-shortcuts">
        <h2 id="options-shortcuts">{t('optionsShortcuts')}</h2>
        <p>{t('optionsShortcutsIntro')}</p>
        <dl class="options-shortcuts" data-testid="options-shortcuts">
          {props.shortcuts.map((shortcut) => (
            <div key={shortcut.name}>
              <dt>{shortcut.description}</dt>
              <dd>
                <kbd>{shortcut.shortcut || t('optionsShortcutUnset')}</kbd>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <button
        type="button"
        class="yd-button options-reset"
        data-testid="options-reset"
        onClick={props.onReset}
      >
        {t('optionsReset')}
      </button>
    </main>
  );
}

function SiteList({ settings, onAddSite, onChangeSite, onRemoveSite }: OptionsViewProps) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const hosts = Object.keys(settings.sites).sort();
  const add = async (event: Event) => {
    event.preventDefault();
    const result = await onAddSite(input);
    if (typeof result === 'object') {
      setMessage({ text: t('optionsSiteAdded', result.added), error: false });
      setInput('');
    } else {
      setMessage({
        text: t(result === 'invalid' ? 'optionsInvalidHost' : 'sitePermissionDenied'),
        error: true,
      });
    }
  };
  return (
    <section class="options-section" aria-labelledby="options-sites">
      <h2 id="options-sites">{t('optionsSites')}</h2>
      <p>{t('optionsSitesIntro')}</p>
      {hosts.length === 0 ? (
        <p data-testid="options-sites-empty">{t('optionsSitesEmpty')}</p>
      ) : (
        <ul class="options-sites" data-testid="options-sites">
          {hosts.map((host) => {
            const site = settings.sites[host] ?? {};
            return (
              <li key={host} data-site={host}>
                <span class="options-host">{host}</span>
                <label class="options-choice">
                  <input
                    type="checkbox"
                    checked={site.autoOpen === true}
                    onChange={(event) =>
                      onChangeSite(host, { autoOpen: event.currentTarget.checked })
                    }
                  />
                  <span>{t('siteAutoOpen')}</span>
                </label>
                <label class="options-choice">
                  <input
                    type="checkbox"
                    checked={site.hideEntryButton !== true}
                    onChange={(event) =>
                      onChangeSite(host, { hideEntryButton: !event.currentTarget.checked })
                    }
                  />
                  <span>{t('optionsShowEntry')}</span>
                </label>
                <button
                  type="button"
                  class="yd-button"
                  aria-label={t('optionsRemoveSite', host)}
                  onClick={() => onRemoveSite(host)}
                >
                  {t('optionsRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form class="options-add" onSubmit={add}>
        <label class="options-field">
          <span>{t('optionsAddSite')}</span>
          <input
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            data-testid="options-site-input"
            value={input}
            onInput={(event) => setInput(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="yd-button" data-testid="options-site-add">
          {t('optionsAddSiteButton')}
        </button>
      </form>
      {message && (
        <p
          class={message.error ? 'options-error' : 'options-ok'}
          role={message.error ? 'alert' : 'status'}
          data-testid="options-site-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
