import { CONTROL_SIZE_NAMES } from '../utils/display/control-size';
import { MAX_FONT_SIZE_PX, MIN_FONT_SIZE_PX, stepFontSize } from '../utils/display/font-size';
import { THEME_NAMES, THEMES, type ThemeName } from '../utils/display/themes';
import {
  CONTENT_WIDTHS,
  type ContentWidth,
  ELDER_PRESET,
  FONT_FAMILIES,
  type FontFamily,
  LETTER_SPACINGS_EM,
  LINE_HEIGHTS,
} from '../utils/display/typography';
import { type MessageKey, t } from '../utils/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../utils/settings';
import { ChoiceGroup } from './choice-group';

/**
 * The reading controls, shared by the reader's toolbar, the popup and the options page: pure views,
 * settings in, changes out. Every button is a labelled target of at least 48 × 48 px.
 */
export interface ControlProps {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}

export const THEME_LABELS: Record<ThemeName, MessageKey> = {
  default: 'themeDefault',
  sepia: 'themeSepia',
  dark: 'themeDark',
  'black-on-white': 'themeBlackOnWhite',
  'white-on-black': 'themeWhiteOnBlack',
  'yellow-on-black': 'themeYellowOnBlack',
  system: 'themeSystem',
};

export const WIDTH_LABELS: Record<ContentWidth, MessageKey> = {
  narrow: 'widthNarrow',
  medium: 'widthMedium',
  wide: 'widthWide',
  full: 'widthFull',
};

export const FONT_LABELS: Record<FontFamily, MessageKey> = {
  sans: 'fontSans',
  serif: 'fontSerif',
  kai: 'fontKai',
};

const LETTER_SPACING_LABELS: MessageKey[] = [
  'letterSpacing0',
  'letterSpacing1',
  'letterSpacing2',
  'letterSpacing3',
];

/** Smaller and larger, with the current size between them. */
export function TextSizeControls({ settings, onChange }: ControlProps) {
  const size = settings.fontSizePx;
  return (
    <fieldset class="yd-group" aria-label={t('fontSizeValue', `${size}px`)}>
      <button
        type="button"
        class="yd-button"
        data-testid="font-smaller"
        title={t('fontSmallerHint')}
        disabled={size <= MIN_FONT_SIZE_PX}
        onClick={() => onChange({ fontSizePx: stepFontSize(size, -1) })}
      >
        <span class="yd-icon yd-icon-small" aria-hidden="true">
          A
        </span>
        <span>{t('fontSmaller')}</span>
      </button>
      <output class="yd-value" data-testid="font-size-value" aria-live="polite">
        {t('fontSizeValue', `${size}px`)}
      </output>
      <button
        type="button"
        class="yd-button"
        data-testid="font-larger"
        title={t('fontLargerHint')}
        disabled={size >= MAX_FONT_SIZE_PX}
        onClick={() => onChange({ fontSizePx: stepFontSize(size, 1) })}
      >
        <span class="yd-icon yd-icon-large" aria-hidden="true">
          A
        </span>
        <span>{t('fontLarger')}</span>
      </button>
    </fieldset>
  );
}

/** The size of our own buttons and labels (normal, large, extra large). */
export function ControlSizeChoices({ settings, onChange }: ControlProps) {
  return (
    <ChoiceGroup
      label={t('controlSizeLabel')}
      value={settings.controlSize}
      onChoose={(controlSize) => onChange({ controlSize })}
      choices={CONTROL_SIZE_NAMES.map((value) => ({
        value,
        testId: `controls-${value}`,
        label: t(CONTROL_SIZE_LABELS[value]),
      }))}
    />
  );
}

const CONTROL_SIZE_LABELS = {
  normal: 'controlSizeNormal',
  large: 'controlSizeLarge',
  xlarge: 'controlSizeXlarge',
} as const;

/** Whether the typography is the elder-friendly preset. */
export function isElderMode(settings: Settings): boolean {
  return (Object.keys(ELDER_PRESET) as (keyof typeof ELDER_PRESET)[]).every(
    (key) => settings[key] === ELDER_PRESET[key],
  );
}

/** 关怀模式: one tap to the elder-friendly preset, one more back to the standard type. */
export function ElderModeButton({ settings, onChange }: ControlProps) {
  const on = isElderMode(settings);
  const standard = {
    fontSizePx: DEFAULT_SETTINGS.fontSizePx,
    lineHeight: DEFAULT_SETTINGS.lineHeight,
    letterSpacingEm: DEFAULT_SETTINGS.letterSpacingEm,
    contentWidth: DEFAULT_SETTINGS.contentWidth,
    fontFamily: DEFAULT_SETTINGS.fontFamily,
  };
  return (
    <button
      type="button"
      class="yd-button"
      data-testid="elder-mode"
      aria-pressed={on}
      title={t('elderModeHint')}
      // 关怀模式 makes the controls large too; leaving it brings them back to normal.
      onClick={() =>
        onChange(
          on ? { ...standard, controlSize: 'normal' } : { ...ELDER_PRESET, controlSize: 'large' },
        )
      }
    >
      <span class="yd-icon" aria-hidden="true">
        ♡
      </span>
      <span>{t('elderMode')}</span>
    </button>
  );
}

/** What 关怀模式 means, in numbers, shown while it is on. */
export function ElderModeNote({ settings }: { settings: Settings }) {
  if (!isElderMode(settings)) return null;
  return (
    <p class="yd-note" data-testid="elder-mode-note" role="status">
      {t('elderModeOn', [String(settings.fontSizePx), String(settings.lineHeight)])}
    </p>
  );
}

export function ThemeChoices({ settings, onChange }: ControlProps) {
  return (
    <ChoiceGroup
      label={t('themeMenu')}
      value={settings.theme}
      onChoose={(theme) => onChange({ theme })}
      choices={THEME_NAMES.map((name) => ({
        value: name,
        testId: `theme-${name}`,
        label:
          name !== 'system' && THEMES[name].highContrast
            ? `${t(THEME_LABELS[name])}（${t('themeHighContrastNote')}）`
            : t(THEME_LABELS[name]),
        swatch:
          name === 'system'
            ? undefined
            : { text: THEMES[name].text, background: THEMES[name].background },
      }))}
    />
  );
}

export function SpacingChoices({ settings, onChange }: ControlProps) {
  return (
    <>
      <ChoiceGroup
        label={t('lineHeightLabel')}
        value={settings.lineHeight}
        onChoose={(lineHeight) => onChange({ lineHeight })}
        choices={LINE_HEIGHTS.map((value) => ({
          value,
          testId: `line-height-${value}`,
          label: t('lineHeightValue', value.toFixed(1)),
        }))}
      />
      <ChoiceGroup
        label={t('letterSpacingLabel')}
        value={settings.letterSpacingEm}
        onChoose={(letterSpacingEm) => onChange({ letterSpacingEm })}
        choices={LETTER_SPACINGS_EM.map((value, index) => ({
          value,
          testId: `letter-spacing-${index}`,
          label: t(LETTER_SPACING_LABELS[index] ?? 'letterSpacing3'),
        }))}
      />
      <ControlSizeChoices settings={settings} onChange={onChange} />
    </>
  );
}

export function WidthChoices({ settings, onChange }: ControlProps) {
  return (
    <ChoiceGroup
      label={t('widthMenu')}
      value={settings.contentWidth}
      onChoose={(contentWidth) => onChange({ contentWidth })}
      choices={(Object.keys(CONTENT_WIDTHS) as ContentWidth[]).map((value) => ({
        value,
        testId: `width-${value}`,
        label: t(WIDTH_LABELS[value]),
      }))}
    />
  );
}

export function FontChoices({ settings, onChange }: ControlProps) {
  return (
    <ChoiceGroup
      label={t('fontMenu')}
      value={settings.fontFamily}
      onChoose={(fontFamily) => onChange({ fontFamily })}
      choices={FONT_FAMILIES.map((value) => ({
        value,
        testId: `font-${value}`,
        label: t(FONT_LABELS[value]),
      }))}
    />
  );
}
