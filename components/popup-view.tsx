import { t } from '../utils/i18n';
import type { PopupStatus } from '../utils/popup-connector';
import type { Settings } from '../utils/settings';
import { ReadingControls } from './reading-controls';

export interface PopupViewProps {
  /** Undefined while the tab is being asked. */
  status: PopupStatus | undefined;
  settings: Settings;
  openFailed: boolean;
  onChangeSettings: (change: Partial<Settings>) => void;
  onOpenReader: () => void;
  onOpenOptions: () => void;
}

/** The popup: what this tab is, the reader button, and the reading controls. */
export function PopupView(props: PopupViewProps) {
  const { status, settings, openFailed } = props;
  const canOpen = status !== undefined && status.kind !== 'unavailable';
  return (
    <main class="popup">
      <h1 class="popup-heading">{t('extShortName')}</h1>
      <section class="popup-status" data-testid="page-status" aria-live="polite">
        <StatusLine status={status} />
      </section>
      {canOpen && (
        <button
          type="button"
          class="yd-button popup-open"
          data-testid="open-reader"
          onClick={props.onOpenReader}
        >
          {status.kind === 'article' ? t('openReader') : t('tryReaderAnyway')}
        </button>
      )}
      {openFailed && (
        <p class="popup-error" role="alert">
          {t('openReaderFailed')}
        </p>
      )}
      <section class="popup-controls">
        <ReadingControls settings={settings} onChange={props.onChangeSettings} />
      </section>
      <button type="button" class="yd-button popup-options" onClick={props.onOpenOptions}>
        {t('openOptions')}
      </button>
    </main>
  );
}

function StatusLine({ status }: { status: PopupStatus | undefined }) {
  if (status === undefined) return <p>{t('statusChecking')}</p>;
  switch (status.kind) {
    case 'article':
      return (
        <>
          <p class="popup-kind" data-testid="status-kind">
            {[t('statusArticle'), status.siteName, status.publishedAt?.slice(0, 10)]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p class="popup-title" data-testid="status-title">
            {status.title}
          </p>
        </>
      );
    case 'not-article':
      return (
        <p class="popup-kind" data-testid="status-kind">
          {[t('statusNotArticle'), status.siteName].filter(Boolean).join(' · ')}
        </p>
      );
    case 'not-detected':
      return (
        <p class="popup-kind" data-testid="status-kind">
          {t('statusNotDetected')}
        </p>
      );
    case 'unavailable':
      return (
        <p class="popup-kind" data-testid="status-kind">
          {t('statusUnavailable')}
        </p>
      );
  }
}
