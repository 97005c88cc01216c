import { ReaderView, type ReaderViewProps } from '../../components/reader-view';
import { themeCssVariables } from '../../utils/display/themes';
import { useSettings } from '../../utils/use-settings';

/** Connects the reader view to the live settings. */
export function App({ content, onClose }: Pick<ReaderViewProps, 'content' | 'onClose'>) {
  const { settings, change } = useSettings();
  return (
    <div
      class="yd-theme"
      data-theme={settings.theme}
      style={`${themeCssVariables(settings.theme)};--yd-font-size:${settings.fontSizePx}px;height:100%`}
    >
      <ReaderView
        content={content}
        settings={settings}
        onChangeSettings={change}
        onClose={onClose}
      />
    </div>
  );
}
