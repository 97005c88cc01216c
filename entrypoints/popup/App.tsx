import { useEffect, useState } from 'preact/hooks';
import { PopupView } from '~/components/popup-view';
import type { PopupConnector, PopupStatus } from '~/utils/popup-connector';
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
  const [openFailed, setOpenFailed] = useState(false);

  useEffect(() => {
    void connector.resolveTabId().then(async (id) => {
      setTabId(id);
      setStatus(id === undefined ? { kind: 'unavailable' } : await connector.getStatus(id));
    });
  }, [connector]);

  const openReader = async () => {
    if (tabId === undefined) return;
    const result = await connector.openReader(tabId);
    setOpenFailed(!result.ok);
    if (result.ok && closeAfterOpen) window.close();
  };

  return (
    <PopupView
      status={status}
      settings={settings}
      openFailed={openFailed}
      onChangeSettings={change}
      onOpenReader={openReader}
      onOpenOptions={connector.openOptions}
    />
  );
}
