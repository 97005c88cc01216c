import { t } from '../utils/i18n';

/**
 * Says that the settings could not be saved yet (storage refused the write, usually its quota): the
 * change stays on screen and is written when storage takes it again.
 */
export function SaveFailed({ failed }: { failed?: boolean }) {
  if (!failed) return null;
  return (
    <p class="yd-save-failed" role="alert" data-testid="settings-save-failed">
      {t('settingsSaveFailed')}
    </p>
  );
}
