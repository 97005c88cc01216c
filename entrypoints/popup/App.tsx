import { useEffect, useState } from 'preact/hooks';
import { PopupView } from '~/components/popup-view';
import { themeStylesheet } from '~/utils/display/themes';
import type { PopupConnector, PopupStatus } from '~/utils/popup-connector';
import { withSite } from '~/utils/settings';
import { useSettings } from '~/utils/use-settings';

/** Connects the popup view to its tab (through the connector) and to the settings. */
export function App({
  connector,
  closeAfterOpen,
}: {
  connector: PopupConnector;
  closeAfterOpen: boolean;
}) {
  const { settings, change } = useSettings();
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<PopupStatus>();
  const [host, setHost] = useState<string>();
  const [zoom, setZoom] = useState<number>();
  const [openFailed, setOpenFailed] = useState(false);
  const [permissionDenied, setPermissionDenied] = useState(false);

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
      <style>{themeStylesheet(':root', settings.theme)}</style>
      <PopupView
        status={status}
        settings={settings}
        openFailed={openFailed}
        host={host}
        zoom={zoom}
        permissionDenied={permissionDenied}
        onChangeSettings={change}
        onOpenReader={openReader}
        onSetZoom={applyZoom}
        onSetAutoOpen={setAutoOpen}
        onOpenOptions={connector.openOptions}
      />
    </>
  );
}
