import { type MessageKey, t } from '../utils/i18n';
import { PINYIN_MODES, type PinyinMode } from '../utils/pinyin/modes';
import { pinyinModeFor, withSite } from '../utils/settings';
import { ChoiceGroup } from './choice-group';
import type { ControlProps } from './reading-controls';

const PINYIN_LABELS: Record<PinyinMode, MessageKey> = {
  off: 'pinyinOff',
  rare: 'pinyinRare',
  all: 'pinyinAll',
};

/** How the annotation went, for the status line. */
export interface PinyinStatus {
  loading: boolean;
  failed: boolean;
  jyutping: boolean;
}

/**
 * Pinyin over the text: off, uncommon characters only, or every character, and, when the site is
 * known, "always on this site" (like the script choice).
 */
export function PinyinChoices({
  settings,
  onChange,
  host,
  status,
}: ControlProps & { host?: string; status?: PinyinStatus }) {
  const siteMode = host ? settings.sites[host]?.pinyin : undefined;
  const shown = pinyinModeFor(settings, host);
  // A site that always shows pinyin follows a new choice made there.
  const choose = (pinyin: PinyinMode) =>
    onChange(
      host && siteMode
        ? {
            pinyin,
            sites: withSite(settings, host, { pinyin: pinyin === 'off' ? undefined : pinyin }),
          }
        : { pinyin },
    );
  return (
    <>
      <ChoiceGroup
        label={t('pinyinLabel')}
        value={shown}
        onChoose={choose}
        choices={PINYIN_MODES.map((value) => ({
          value,
          testId: `pinyin-${value}`,
          label: t(PINYIN_LABELS[value]),
        }))}
      />
      {host && (
        <label class="yd-check">
          <input
            type="checkbox"
            data-testid="pinyin-site"
            checked={siteMode !== undefined}
            disabled={shown === 'off'}
            onChange={(event) =>
              onChange({
                sites: withSite(settings, host, {
                  pinyin: event.currentTarget.checked && shown !== 'off' ? shown : undefined,
                }),
              })
            }
          />
          <span>{t('pinyinSiteAlways')}</span>
        </label>
      )}
      {status && (
        <p class="yd-note" role="status" data-testid="pinyin-status">
          {status.loading
            ? t('pinyinLoading')
            : status.failed
              ? t('pinyinFailed')
              : status.jyutping
                ? t('pinyinJyutping')
                : ''}
        </p>
      )}
    </>
  );
}
