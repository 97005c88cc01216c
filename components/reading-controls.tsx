import type { ComponentChildren } from 'preact';
import type { ScriptChoice, SourceChoice } from '../utils/convert/script-view';
import type { Script } from '../utils/convert/scripts';
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
import { DEFAULT_SETTINGS, type Settings, withSite } from '../utils/settings';

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
      onClick={() => onChange(on ? standard : { ...ELDER_PRESET })}
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

interface Choice<T> {
  value: T;
  label: string;
  testId: string;
  /** Drawn in the choice's own colours (theme swatches). */
  swatch?: { text: string; background: string };
}

/** A labelled set of buttons of which one is pressed: radio buttons that look like the toolbar. */
export function ChoiceGroup<T>({
  label,
  choices,
  value,
  onChoose,
}: {
  label: string;
  choices: Choice<T>[];
  value: T;
  onChoose: (value: T) => void;
}) {
  return (
    <fieldset class="yd-group yd-choices">
      <legend class="yd-legend">{label}</legend>
      {choices.map((choice) => (
        <button
          type="button"
          class="yd-button"
          key={choice.testId}
          data-testid={choice.testId}
          aria-pressed={choice.value === value}
          onClick={() => onChoose(choice.value)}
        >
          {choice.swatch && (
            <span
              class="yd-swatch"
              aria-hidden="true"
              style={`color:${choice.swatch.text};background:${choice.swatch.background}`}
            >
              字
            </span>
          )}
          <span>{choice.label}</span>
        </button>
      ))}
    </fieldset>
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

export const SCRIPT_LABELS: Record<ScriptChoice, MessageKey> = {
  original: 'scriptOriginal',
  cn: 'scriptHans',
  t: 'scriptHant',
  tw: 'scriptTw',
  twp: 'scriptTwp',
  hk: 'scriptHk',
};
const SCRIPT_CHOICES: ScriptChoice[] = ['original', 'cn', 't', 'tw', 'twp', 'hk'];
const SOURCE_CHOICES: SourceChoice[] = ['auto', 'cn', 't', 'tw', 'hk'];

/** What the script controls show: the choice in effect, and how the conversion went. */
export interface ScriptStatus {
  from?: Script;
  loading: boolean;
  failed: boolean;
}

/**
 * Simplified/traditional: the script to show (原文 restores exactly), what the article is written
 * in (detected unless said), and, when the site is known, "always show this site this way".
 */
export function ScriptChoices({
  settings,
  onChange,
  host,
  status,
  showSource = true,
}: ControlProps & { host?: string; status?: ScriptStatus; showSource?: boolean }) {
  const siteScript = host ? settings.sites[host]?.script : undefined;
  const shown: ScriptChoice = siteScript ?? settings.script;
  // A site that always shows one script follows a new choice made there.
  const choose = (script: ScriptChoice) =>
    onChange(
      host && siteScript
        ? {
            script,
            sites: withSite(settings, host, { script: script === 'original' ? undefined : script }),
          }
        : { script },
    );
  return (
    <>
      <ChoiceGroup
        label={t('scriptShowLabel')}
        value={shown}
        onChoose={choose}
        choices={SCRIPT_CHOICES.map((value) => ({
          value,
          testId: `script-${value}`,
          label: t(SCRIPT_LABELS[value]),
        }))}
      />
      {showSource && (
        <ChoiceGroup
          label={t('scriptSourceLabel')}
          value={settings.sourceScript}
          onChoose={(sourceScript) => onChange({ sourceScript })}
          choices={SOURCE_CHOICES.map((value) => ({
            value,
            testId: `source-${value}`,
            label: value === 'auto' ? t('scriptSourceAuto') : t(SCRIPT_LABELS[value]),
          }))}
        />
      )}
      {host && (
        <label class="yd-check">
          <input
            type="checkbox"
            data-testid="script-site"
            checked={siteScript !== undefined}
            disabled={shown === 'original'}
            onChange={(event) =>
              onChange({
                sites: withSite(settings, host, {
                  script: event.currentTarget.checked && shown !== 'original' ? shown : undefined,
                }),
              })
            }
          />
          <span>{t('scriptSiteAlways')}</span>
        </label>
      )}
      <p class="yd-note" role="status" data-testid="script-status">
        {status?.loading
          ? t('scriptLoading')
          : status?.failed
            ? t('scriptFailed')
            : status?.from
              ? t('scriptDetected', t(SCRIPT_LABELS[status.from]))
              : ''}
      </p>
    </>
  );
}

/** What the speech controls show: where reading stands, in the reader or in the tab. */
export interface SpeechView {
  state: 'idle' | 'playing' | 'paused';
  index: number;
  total: number;
  /** The voice has started the current sentence. */
  speaking: boolean;
  noChineseVoice: boolean;
  error?: string;
}

export type SpeechCommand = 'toggle' | 'stop' | 'next' | 'previous';

/**
 * Play/pause, previous, next, stop, the speed, and progress (第 3/42 句). Without a Chinese voice
 * it says so and how to add one.
 */
export function SpeechControls({
  speech,
  rate,
  onCommand,
  onRate,
}: {
  speech: SpeechView;
  rate: number;
  onCommand: (command: SpeechCommand) => void;
  onRate: (rate: number) => void;
}) {
  const active = speech.state !== 'idle';
  const [icon, label] =
    speech.state === 'playing'
      ? ['Ⅱ', t('speechPause')]
      : speech.state === 'paused'
        ? ['▶', t('speechResume')]
        : ['▶', t('speechPlay')];
  const step = (direction: 1 | -1) =>
    onRate(Math.min(2, Math.max(0.5, Number((rate + direction * 0.1).toFixed(1)))));
  return (
    <fieldset class="yd-group yd-speech">
      <legend class="yd-legend">{t('speechMenu')}</legend>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-play"
        data-state={speech.state}
        onClick={() => onCommand('toggle')}
      >
        <span class="yd-icon" aria-hidden="true">
          {icon}
        </span>
        <span>{label}</span>
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-previous"
        disabled={!active || speech.index === 0}
        onClick={() => onCommand('previous')}
      >
        {t('speechPrevious')}
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-next"
        disabled={!active || speech.index >= speech.total - 1}
        onClick={() => onCommand('next')}
      >
        {t('speechNext')}
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-stop"
        disabled={!active}
        onClick={() => onCommand('stop')}
      >
        <span class="yd-icon" aria-hidden="true">
          ■
        </span>
        <span>{t('speechStop')}</span>
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-slower"
        disabled={rate <= 0.5}
        onClick={() => step(-1)}
      >
        {t('speechSlower')}
      </button>
      <output class="yd-value" data-testid="speech-rate-value" aria-live="polite">
        {t('speechRateValue', rate.toFixed(1))}
      </output>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-faster"
        disabled={rate >= 2}
        onClick={() => step(1)}
      >
        {t('speechFaster')}
      </button>
      <output class="yd-value" data-testid="speech-progress" aria-live="off">
        {active &&
          (speech.speaking || speech.state === 'paused'
            ? t('speechProgress', [String(speech.index + 1), String(speech.total)])
            : t('speechPreparing'))}
      </output>
      {speech.noChineseVoice && (
        <p class="yd-note" role="alert" data-testid="speech-no-voice">
          {t('speechNoVoice')}
        </p>
      )}
      {speech.error && !speech.noChineseVoice && (
        <p class="yd-note" role="alert" data-testid="speech-error">
          {t('speechError', speech.error)}
        </p>
      )}
    </fieldset>
  );
}

/** A toolbar button that shows or hides a panel of choices (one panel open at a time). */
export function PanelButton({
  id,
  icon,
  label,
  open,
  onToggle,
}: {
  id: string;
  icon: ComponentChildren;
  label: string;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="yd-button"
      data-testid={`menu-${id}`}
      aria-expanded={open}
      aria-controls={`yd-panel-${id}`}
      onClick={onToggle}
    >
      <span class="yd-icon" aria-hidden="true">
        {icon}
      </span>
      <span>{label}</span>
    </button>
  );
}
