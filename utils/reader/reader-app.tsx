import { useEffect, useRef, useState } from 'preact/hooks';
import { ReaderView, type ReaderViewProps } from '../../components/reader-view';
import type { ScriptView, ScriptViewState } from '../convert/script-view';
import { controlSizeDeclarations } from '../display/control-size';
import { themeStylesheet } from '../display/themes';
import { typographyDeclarations } from '../display/typography';
import type { PinyinView, PinyinViewState } from '../pinyin/pinyin-view';
import { pinyinModeFor } from '../settings';
import type { LazyReaderSpeech } from '../speech/lazy-reader-speech';
import type { ReaderSpeechState } from '../speech/reader-speech';
import { useSettings } from '../use-settings';

/** Connects the reader view to the live settings and to reading aloud. */
export function ReaderApp({
  content,
  onClose,
  speech,
  scriptView,
  pinyinView,
}: Pick<ReaderViewProps, 'content' | 'onClose'> & {
  speech: LazyReaderSpeech;
  scriptView: ScriptView;
  pinyinView: PinyinView;
}) {
  const { settings, change, loaded, saveFailed } = useSettings();
  const host = location.hostname || undefined;
  const [scriptState, setScriptState] = useState<ScriptViewState>(scriptView.state());
  useEffect(() => scriptView.subscribe(setScriptState), [scriptView]);
  // Show the article in the chosen script (this site's, if it has one) once settings are known.
  const script = (host && settings.sites[host]?.script) || settings.script;
  const [pinyinState, setPinyinState] = useState<PinyinViewState>(pinyinView.state());
  useEffect(() => pinyinView.subscribe(setPinyinState), [pinyinView]);
  const pinyin = pinyinModeFor(settings, host);
  // Script, then pinyin, one change after the other: the annotation comes off before the text
  // changes script and goes back on over the converted text.
  const applied = useRef<{ content?: unknown; script?: string; source?: string; pinyin?: string }>(
    {},
  );
  const queue = useRef(Promise.resolve());
  const { sourceScript, jyutpingForHongKong } = settings;
  useEffect(() => {
    if (!loaded || !('article' in content)) return;
    const last = applied.current;
    const scriptChanged =
      last.content !== content || last.script !== script || last.source !== sourceScript;
    const pinyinKey = `${pinyin}/${jyutpingForHongKong}`;
    if (!scriptChanged && last.pinyin === pinyinKey) return;
    applied.current = { content, script, source: sourceScript, pinyin: pinyinKey };
    queue.current = queue.current
      .then(async () => {
        if (scriptChanged) {
          pinyinView.restore();
          await scriptView.show(script, sourceScript);
        }
        await pinyinView.show({ mode: pinyin, jyutpingForHongKong });
      })
      .catch(() => {});
  }, [loaded, content, script, sourceScript, pinyin, jyutpingForHongKong, scriptView, pinyinView]);
  const [speechState, setSpeechState] = useState<ReaderSpeechState>(speech.state());
  useEffect(() => speech.subscribe(setSpeechState), [speech]);
  const lang = 'article' in content ? content.article.lang : undefined;
  return (
    <div
      class="yd-theme"
      data-theme={settings.theme}
      style={`${typographyDeclarations(settings, lang)};${controlSizeDeclarations(settings.controlSize)};height:100%`}
    >
      <style>{themeStylesheet('.yd-theme', settings.theme)}</style>
      <ReaderView
        content={content}
        settings={settings}
        onChangeSettings={change}
        onClose={onClose}
        speech={speechState}
        onSpeech={(command) => void speech[command]()}
        onSpeechRate={(rate) => {
          void change({ speechRate: rate });
          if (speechState.state !== 'idle') void speech.setRate(rate);
        }}
        onReadFrom={(element) => void speech.play(element)}
        onSpeechIntent={() => void speech.prepare()}
        host={host}
        saveFailed={saveFailed}
        scriptStatus={{
          ...(scriptState.from && { from: scriptState.from }),
          loading: scriptState.loading,
          failed: scriptState.error !== undefined,
        }}
        onPinyinIntent={() => void pinyinView.prepare()}
        pinyinStatus={{
          loading: pinyinState.loading,
          failed: pinyinState.error !== undefined,
          jyutping: pinyinState.romanization === 'jyutping',
        }}
      />
    </div>
  );
}
