import { FONT_SIZES_PX } from '../utils/display/font-size';
import { THEMES, type ThemeName } from '../utils/display/themes';
import { type MessageKey, t } from '../utils/i18n';
import type { Settings } from '../utils/settings';

const THEME_LABELS: Record<ThemeName, MessageKey> = {
  default: 'themeDefault',
  contrast: 'themeHighContrast',
};

export interface OptionsViewProps {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
  onReset: () => void;
}

/** The options page: the reader's defaults, and a reset. */
export function OptionsView({ settings, onChange, onReset }: OptionsViewProps) {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
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
      <fieldset class="options-field">
        <legend>{t('optionsTheme')}</legend>
        {(Object.keys(THEMES) as ThemeName[]).map((name) => (
          <label key={name} class="options-choice">
            <input
              type="radio"
              name="theme"
              value={name}
              checked={settings.theme === name}
              onChange={() => onChange({ theme: name })}
            />
            <span>{t(THEME_LABELS[name])}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" class="options-reset" data-testid="options-reset" onClick={onReset}>
        {t('optionsReset')}
      </button>
    </main>
  );
}
