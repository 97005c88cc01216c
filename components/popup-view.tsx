import type { AssistTool } from '../utils/assist/tools';
import type { ScriptChoice } from '../utils/convert/script-view';
import { nextOnScale } from '../utils/display/scale';
import { t } from '../utils/i18n';
import { type FieldOrigin, formatPublishedAt } from '../utils/page/published-date';
import type { PinyinMode } from '../utils/pinyin/modes';
import type { PopupStatus } from '../utils/popup-connector';
import { pinyinModeFor, type Settings } from '../utils/settings';
import { AssistControls } from './assist-controls';
import { PinyinChoices } from './pinyin-choices';
import {
  ControlSizeChoices,
  ElderModeButton,
  ElderModeNote,
  TextSizeControls,
  ThemeChoices,
} from './reading-controls';
import { SaveFailed } from './save-failed';
import { SCRIPT_LABELS, ScriptChoices } from './script-choices';
import { type SpeechCommand, SpeechControls, type SpeechView } from './speech-controls';

/** Page zoom steps the popup moves through (the browser's own steps between 100% and 300%). */
export const PAGE_ZOOM_STEPS = [1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export interface PopupViewProps {
  /** Undefined while the tab is being asked. */
  status: PopupStatus | undefined;
  settings: Settings;
  openFailed: boolean;
  /** The tab's host name, when known; per-site choices need it. */
  host: string | undefined;
  /** The tab's page zoom, when known. */
  zoom: number | undefined;
  permissionDenied: boolean;
  /** Reading aloud in this tab; 'unsupported' where the popup cannot start it (Firefox). */
  speech: SpeechView | 'unsupported' | undefined;
  onSpeech: (command: SpeechCommand) => void;
  onSpeechRate: (rate: number) => void;
  /** The script the page itself is shown in ('original' when untouched). */
  pageScript: ScriptChoice;
  onConvertPage: (script: ScriptChoice) => void;
  /** The pinyin the page itself shows ('off' when none). */
  pagePinyin: PinyinMode;
  onPinyinPage: (mode: PinyinMode) => void;
  onChangeSettings: (change: Partial<Settings>) => void;
  onOpenReader: () => void;
  onSetZoom: (factor: number) => void;
  onSetAutoOpen: (on: boolean) => void;
  onOpenOptions: () => void;
  /** 辅助工具 in this tab: undefined while asked. */
  assist: AssistTool[] | undefined;
  assistNotAllowed: boolean;
  onSetAssist: (tools: AssistTool[]) => void;
  onAssistSiteAlways: (on: boolean) => void;
  /** A settings write was refused and waits to be retried. */
  saveFailed?: boolean;
}

/** The popup: what this tab is, the reader button, the reading controls, page zoom, this site. */
export function PopupView(props: PopupViewProps) {
  const { status, settings, openFailed, host } = props;
  const canOpen = status !== undefined && status.kind !== 'unavailable';
  const autoOpen = host !== undefined && settings.sites[host]?.autoOpen === true;
  return (
    <main class="popup">
      <h1 class="popup-heading">{t('extShortName')}</h1>
      <SaveFailed failed={props.saveFailed} />
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
        <TextSizeControls settings={settings} onChange={props.onChangeSettings} />
        <ElderModeButton settings={settings} onChange={props.onChangeSettings} />
        <ElderModeNote settings={settings} />
        <ThemeChoices settings={settings} onChange={props.onChangeSettings} />
        <ControlSizeChoices settings={settings} onChange={props.onChangeSettings} />
        <ScriptChoices
          settings={settings}
          onChange={props.onChangeSettings}
          host={canOpen ? host : undefined}
          // The source script is for the reader's panel and the options page: the popup stays short.
          showSource={false}
        />
        {canOpen && (
          <PageScript
            shown={props.pageScript}
            chosen={(host && settings.sites[host]?.script) || settings.script}
            onConvert={props.onConvertPage}
          />
        )}
        <PinyinChoices
          settings={settings}
          onChange={props.onChangeSettings}
          host={canOpen ? host : undefined}
        />
        {canOpen && (
          <button
            type="button"
            class="yd-button"
            data-testid="page-pinyin"
            aria-pressed={props.pagePinyin !== 'off'}
            onClick={() => {
              // The page gets the mode chosen for the reader, or every character when that is off.
              const chosen = pinyinModeFor(settings, host);
              props.onPinyinPage(
                props.pagePinyin !== 'off' ? 'off' : chosen === 'off' ? 'all' : chosen,
              );
            }}
          >
            {props.pagePinyin !== 'off' ? t('pagePinyinOff') : t('pagePinyin')}
          </button>
        )}
        {props.speech === 'unsupported' ? (
          <p class="yd-note">{t('speechPopupOnlyInReader')}</p>
        ) : (
          canOpen &&
          props.speech && (
            <SpeechControls
              speech={props.speech}
              rate={settings.speechRate}
              onCommand={props.onSpeech}
              onRate={props.onSpeechRate}
            />
          )
        )}
      </section>
      {status !== undefined && status.kind !== 'unavailable' && (
        <AssistControls
          tools={props.assist}
          notAllowed={props.assistNotAllowed}
          host={host}
          siteAlways={host !== undefined && (settings.sites[host]?.assist?.length ?? 0) > 0}
          onSet={props.onSetAssist}
          onSiteAlways={props.onAssistSiteAlways}
        />
      )}
      {props.zoom !== undefined && <PageZoom zoom={props.zoom} onSetZoom={props.onSetZoom} />}
      {canOpen && host && (
        <label class="popup-site">
          <input
            type="checkbox"
            data-testid="site-auto-open"
            checked={autoOpen}
            onChange={(event) => props.onSetAutoOpen(event.currentTarget.checked)}
          />
          <span>{t('siteAutoOpen')}</span>
        </label>
      )}
      {props.permissionDenied && (
        <p class="popup-error" role="alert">
          {t('sitePermissionDenied')}
        </p>
      )}
      <button type="button" class="yd-button popup-options" onClick={props.onOpenOptions}>
        {t('openOptions')}
      </button>
    </main>
  );
}

/** The page itself in the chosen script, or back as published. */
function PageScript({
  shown,
  chosen,
  onConvert,
}: {
  shown: ScriptChoice;
  chosen: ScriptChoice;
  onConvert: (script: ScriptChoice) => void;
}) {
  return (
    <fieldset class="yd-group">
      <legend class="yd-legend">{t('scriptPageLabel')}</legend>
      {shown === 'original' ? (
        <button
          type="button"
          class="yd-button"
          data-testid="page-convert"
          disabled={chosen === 'original'}
          onClick={() => onConvert(chosen)}
        >
          {t('scriptPageConvert')}
        </button>
      ) : (
        <>
          <span class="yd-note" data-testid="page-script-state">
            {t('scriptPageConverted', t(SCRIPT_LABELS[shown]))}
          </span>
          <button
            type="button"
            class="yd-button"
            data-testid="page-restore"
            onClick={() => onConvert('original')}
          >
            {t('scriptPageRestore')}
          </button>
        </>
      )}
    </fieldset>
  );
}

/** 放大整页: the tab's own zoom, for when the reader is not what the user wants. */
function PageZoom({ zoom, onSetZoom }: { zoom: number; onSetZoom: (factor: number) => void }) {
  const percent = `${Math.round(zoom * 100)}%`;
  const larger = nextOnScale(PAGE_ZOOM_STEPS, zoom, 1);
  const smaller = nextOnScale(PAGE_ZOOM_STEPS, zoom, -1);
  return (
    <fieldset class="yd-group popup-zoom">
      <legend class="yd-legend">{t('pageZoomLabel')}</legend>
      <button
        type="button"
        class="yd-button"
        data-testid="page-zoom-out"
        disabled={smaller === undefined}
        onClick={() => smaller !== undefined && onSetZoom(smaller)}
      >
        {t('pageZoomOut')}
      </button>
      <output class="yd-value" data-testid="page-zoom-value" aria-live="polite">
        {t('pageZoomValue', percent)}
      </output>
      <button
        type="button"
        class="yd-button"
        data-testid="page-zoom-in"
        disabled={larger === undefined}
        onClick={() => larger !== undefined && onSetZoom(larger)}
      >
        {t('pageZoomIn')}
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="page-zoom-reset"
        disabled={Math.abs(zoom - 1) < 0.001}
        onClick={() => onSetZoom(1)}
      >
        {t('pageZoomReset')}
      </button>
      <span class="yd-hint">{t('pageZoomRemembered')}</span>
    </fieldset>
  );
}

/**
 * The article's date and source with where each was read (the page's "发布时间" or 信息公开 table,
 * `PubDate`, the address), so a wrong date can be reported with its cause, and its 文号: what the
 * reader's header card shows.
 */
function HeaderDetails({ status }: { status: Extract<PopupStatus, { kind: 'article' }> }) {
  const lines = [
    status.publishedAt &&
      t('publishedLabel', formatPublishedAt(status.publishedAt)) + fieldFrom(status.dateFrom),
    status.source && t('sourceLabel', status.source) + fieldFrom(status.sourceFrom),
    status.docNumber && t('docNumberLabel', status.docNumber),
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <p class="yd-hint" data-testid="status-details">
      {lines.join(' · ')}
    </p>
  );
}

function fieldFrom(origin: FieldOrigin | undefined): string {
  if (!origin) return '';
  const where =
    origin === 'url'
      ? t('originUrl')
      : origin.startsWith('page:')
        ? t('originPage', origin.slice('page:'.length))
        : t('originMeta', origin.slice('meta:'.length));
  return t('fieldFrom', where);
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
          <HeaderDetails status={status} />
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
