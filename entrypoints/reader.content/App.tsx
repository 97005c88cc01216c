import { ReaderView, type ReaderViewProps } from '../../components/reader-view';
import { themeStylesheet } from '../../utils/display/themes';
import { typographyDeclarations } from '../../utils/display/typography';
import { useSettings } from '../../utils/use-settings';

/** Connects the reader view to the live settings. */
export function App({ content, onClose }: Pick<ReaderViewProps, 'content' | 'onClose'>) {
  const { settings, change } = useSettings();
  const lang = 'article' in content ? content.article.lang : undefined;
  return (
    <div
      class="yd-theme"
      data-theme={settings.theme}
      style={`${typographyDeclarations(settings, lang)};height:100%`}
    >
      <style>{themeStylesheet('.yd-theme', settings.theme)}</style>
      <ReaderView
        content={content}
        settings={settings}
        onChangeSettings={change}
        onClose={onClose}
      />
    </div>
  );
}
