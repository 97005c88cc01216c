import { useEffect, useState } from 'preact/hooks';
import { PopupView } from '~/components/popup-view';
import type { SpeechCommand, SpeechView } from '~/components/speech-controls';
import type { AssistTool } from '~/utils/assist/tools';
import type { ScriptChoice } from '~/utils/convert/script-view';
import { controlSizeDeclarations } from '~/utils/display/control-size';
import { themeStylesheet } from '~/utils/display/themes';
import type { PopupConnector, PopupStatus } from '~/utils/popup-connector';
import { withSite } from '~/utils/settings';
import { IDLE_PROGRESS, type SpeechStatus } from '~/utils/speech/speech-protocol';
import { useSettings } from '~/utils/use-settings';
import type { PinyinMode } from '../../utils/pinyin/modes';

/** The background's status as the controls show it: another tab's reading is not this tab's. */
function speechViewOf(status: SpeechStatus, tabId: number): SpeechView {
  const ours = status.tabId === tabId;
  const progress = ours ? status.progress : IDLE_PROGRESS;
  return {
    state: progress.state,
    index: progress.index,
    total: progress.total,
    speaking: progress.speaking,
    noChineseVoice: status.noChineseVoice,
    ...(status.networkVoice && { networkVoice: true }),
    ...(progress.error !== undefined && { error: progress.error }),
  };
}

/** Connects the popup view to its tab (through the connector) and to the settings. */
export function PopupApp({
  connector,
  closeAfterOpen,
}: {
  connector: PopupConnector;
  closeAfterOpen: boolean;
}) {
  const { settings, change, saveFailed } = useSettings();
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<PopupStatus>();
  const [host, setHost] = useState<string>();
  const [zoom, setZoom] = useState<number>();
  const [openFailed, setOpenFailed] = useState(false);
  const [permissionDenied, setPermissionDenied] = useState(false);
  const [speech, setSpeech] = useState<SpeechView | 'unsupported'>();
  const [pageScript, setPageScript] = useState<ScriptChoice>('original');
  const [assist, setAssist] = useState<AssistTool[]>();
  const [assistNotAllowed, setAssistNotAllowed] = useState(false);
  useEffect(() => {
    if (tabId !== undefined) void connector.assistTools(tabId).then(setAssist);
  }, [connector, tabId]);

  const setAssistTools = async (tools: AssistTool[]) => {
    if (tabId === undefined) return;
    const result = await connector.setAssistTools(tabId, tools);
    setAssistNotAllowed(!result.ok);
    if (!result.ok) return;
    setAssist(result.tools);
    // "Always on this site" follows what is on, so the site's next pages open the same way.
    if (host && (settings.sites[host]?.assist?.length ?? 0) > 0)
      await change({ sites: withSite(settings, host, { assist: result.tools }) });
  };
  useEffect(() => {
    if (tabId !== undefined)
      void connector.pageScript(tabId).then((state) => setPageScript(state?.shown ?? 'original'));
  }, [connector, tabId]);
  const [pagePinyin, setPagePinyin] = useState<PinyinMode>('off');
  useEffect(() => {
    if (tabId !== undefined)
      void connector.pagePinyin(tabId).then((state) => setPagePinyin(state?.mode ?? 'off'));
  }, [connector, tabId]);

  // Where reading aloud stands in this tab, followed while the popup is open. Where readers read
  // in their page, the controls show once this tab's reader has read (it is what they act on).
  useEffect(() => {
    if (tabId === undefined) return;
    return connector.watchSpeech((status) =>
      setSpeech(
        connector.readsInPage && status?.tabId !== tabId
          ? 'unsupported'
          : speechViewOf(status ?? { progress: IDLE_PROGRESS, noChineseVoice: false }, tabId),
      ),
    );
  }, [connector, tabId]);

  // What the command changes arrives through the subscription above.
  const speak = async (command: SpeechCommand) => {
    if (tabId !== undefined) await connector.speech(tabId, command);
  };

  useEffect(() => {
    void connector.resolveTabId().then(async (id) => {
      setTabId(id);
      if (id === undefined) return setStatus({ kind: 'unavailable' });
      setStatus(await connector.getStatus(id));
      setHost(await connector.getHost(id));
      setZoom(await connector.getZoom(id).catch(() => undefined));
    });
  }, [connector]);

  const openReader = async () => {
    if (tabId === undefined) return;
    const result = await connector.openReader(tabId);
    setOpenFailed(!result.ok);
    if (result.ok && closeAfterOpen) window.close();
  };

  const setAutoOpen = async (on: boolean) => {
    if (!host) return;
    // Asked first, straight from the click: the browser only prompts for a user gesture.
    const granted = on ? await connector.requestHost(host) : true;
    setPermissionDenied(!granted);
    if (granted) await change({ sites: withSite(settings, host, { autoOpen: on }) });
  };

  const applyZoom = async (factor: number) => {
    if (tabId === undefined) return;
    await connector.setZoom(tabId, factor);
    setZoom(await connector.getZoom(tabId));
  };

  return (
    <>
      <style>{`${themeStylesheet(':root', settings.theme)}\n:root{${controlSizeDeclarations(settings.controlSize)}}`}</style>
      <PopupView
        status={status}
        settings={settings}
        saveFailed={saveFailed}
        openFailed={openFailed}
        host={host}
        zoom={zoom}
        permissionDenied={permissionDenied}
        speech={speech}
        pageScript={pageScript}
        onConvertPage={async (script) => {
          if (tabId === undefined) return;
          const state = await connector.convertPage(tabId, script, settings.sourceScript);
          setPageScript(state?.shown ?? 'original');
        }}
        pagePinyin={pagePinyin}
        onPinyinPage={async (mode) => {
          if (tabId === undefined) return;
          const state = await connector.pinyinPage(tabId, mode);
          setPagePinyin(state?.mode ?? 'off');
        }}
        onSpeech={(command) => void speak(command)}
        onSpeechRate={(rate) => {
          void change({ speechRate: rate });
          if (tabId !== undefined) void connector.speech(tabId, 'rate', rate);
        }}
        onChangeSettings={change}
        onOpenReader={openReader}
        onSetZoom={applyZoom}
        onSetAutoOpen={setAutoOpen}
        onOpenOptions={connector.openOptions}
        assist={assist}
        assistNotAllowed={assistNotAllowed}
        onSetAssist={(tools) => void setAssistTools(tools)}
        onAssistSiteAlways={(on) => {
          if (host) void change({ sites: withSite(settings, host, { assist: on ? assist : [] }) });
        }}
      />
    </>
  );
}
