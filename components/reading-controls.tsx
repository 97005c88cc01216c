import { MAX_FONT_SIZE_PX, MIN_FONT_SIZE_PX, stepFontSize } from '../utils/display/font-size';
import { t } from '../utils/i18n';
import type { Settings } from '../utils/settings';

export interface ReadingControlsProps {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}

/**
 * The four things readers come for, shared by the reader's toolbar and the popup: text size and
 * contrast work; script conversion and speech are shown disabled, saying so, until they land.
 */
export function ReadingControls({ settings, onChange }: ReadingControlsProps) {
  const size = settings.fontSizePx;
  const highContrast = settings.theme === 'contrast';
  return (
    <>
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
      <div class="yd-group">
        <button
          type="button"
          class="yd-button"
          data-testid="theme-contrast"
          aria-pressed={highContrast}
          onClick={() => onChange({ theme: highContrast ? 'default' : 'contrast' })}
        >
          <span class="yd-icon" aria-hidden="true">
            ◐
          </span>
          <span>{t('themeContrast')}</span>
        </button>
      </div>
      <ComingSoonGroup
        buttons={[
          ['script-hans', undefined, t('scriptHans')],
          ['script-hant', undefined, t('scriptHant')],
          ['script-original', undefined, t('scriptOriginal')],
        ]}
      />
      <ComingSoonGroup
        buttons={[
          ['speech-play', '▶', t('speechPlay')],
          ['speech-pause', 'Ⅱ', t('speechPause')],
          ['speech-stop', '■', t('speechStop')],
        ]}
      />
    </>
  );
}

/** Controls that later work fills in: disabled, and saying so in words, not only by their look. */
function ComingSoonGroup({
  buttons,
}: {
  buttons: [testId: string, icon: string | undefined, label: string][];
}) {
  return (
    <fieldset class="yd-group yd-soon" aria-label={t('comingSoon')}>
      {buttons.map(([testId, icon, label]) => (
        <button type="button" class="yd-button" data-testid={testId} disabled key={testId}>
          {icon && (
            <span class="yd-icon" aria-hidden="true">
              {icon}
            </span>
          )}
          <span>{label}</span>
        </button>
      ))}
      <span class="yd-soon-note">{t('comingSoon')}</span>
    </fieldset>
  );
}
