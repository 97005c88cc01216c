import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../utils/extract/extract-article';
import { type MessageKey, t } from '../utils/i18n';
import { formatPublishedAt } from '../utils/page/published-date';
import {
  fetchedByPage,
  keepAllowedResources,
  pageResourceFilter,
} from '../utils/reader/page-resources';
import type { ReaderContent } from '../utils/reader/reader-session';
import type { Settings } from '../utils/settings';
import { PanelButton } from './choice-group';
import { PinyinChoices, type PinyinStatus } from './pinyin-choices';
import {
  type ControlProps,
  ElderModeButton,
  FontChoices,
  SpacingChoices,
  TextSizeControls,
  ThemeChoices,
  WidthChoices,
} from './reading-controls';
import { SaveFailed } from './save-failed';
import { ScriptChoices, type ScriptStatus } from './script-choices';
import { type SpeechCommand, SpeechControls, type SpeechView } from './speech-controls';

export interface ReaderViewProps {
  /** The extracted article, or the key of the message that says why there is none (or not yet). */
  content: ReaderContent;
  settings: Settings;
  onChangeSettings: (change: Partial<Settings>) => void;
  onClose: () => void;
  speech: SpeechView;
  onSpeech: (command: SpeechCommand) => void;
  onSpeechRate: (rate: number) => void;
  /** The user is about to play (pointer over or focus on 朗读): reading aloud may load. */
  onSpeechIntent?: () => void;
  /** While reading aloud, a click on a paragraph reads from there. */
  onReadFrom: (element: Element) => void;
  /** The page's host name, for per-site choices. */
  host?: string;
  scriptStatus?: ScriptStatus;
  pinyinStatus?: PinyinStatus;
  /** The pinyin panel was opened: its engine may load. */
  onPinyinIntent?: () => void;
  /** A settings write was refused and waits to be retried. */
  saveFailed?: boolean;
}

/** The toolbar's panels: each opens below the toolbar, one at a time. */
const PANELS = {
  spacing: { icon: '↕', label: 'spacingMenu', body: SpacingChoices },
  width: { icon: '↔', label: 'widthMenu', body: WidthChoices },
  font: { icon: '字', label: 'fontMenu', body: FontChoices },
  theme: { icon: '◐', label: 'themeMenu', body: ThemeChoices },
  script: { icon: '简', label: 'scriptMenu', body: ScriptChoices },
  pinyin: { icon: '拼', label: 'pinyinMenu', body: PinyinPanel },
} as const satisfies Record<
  string,
  { icon: string; label: MessageKey; body: (props: PanelProps) => unknown }
>;

/** What every panel is given (each takes what it needs). */
type PanelProps = ControlProps & {
  host?: string;
  status?: ScriptStatus;
  pinyinStatus?: PinyinStatus;
};

function PinyinPanel({ pinyinStatus, ...props }: PanelProps) {
  return <PinyinChoices {...props} status={pinyinStatus} />;
}
type PanelName = keyof typeof PANELS;

/** The reader overlay: a sticky toolbar (with its panels), a header card, and the article. */
export function ReaderView(props: ReaderViewProps) {
  const { content, settings, onChangeSettings, onClose } = props;
  const article = 'article' in content ? content.article : undefined;
  const [panel, setPanel] = useState<PanelName>();
  const Panel = panel && PANELS[panel].body;
  // Closing a panel gives focus back to the button that opened it.
  const closePanel = (event: Event) => {
    const root = (event.currentTarget as Element).getRootNode() as ParentNode;
    root.querySelector<HTMLElement>(`[aria-controls="yd-panel-${panel}"]`)?.focus();
    setPanel(undefined);
  };
  return (
    <div class="yd-reader" lang={article?.lang}>
      <div class="yd-bar">
        <div class="yd-toolbar" role="toolbar" aria-label={t('readerToolbarLabel')}>
          <TextSizeControls settings={settings} onChange={onChangeSettings} />
          <ElderModeButton settings={settings} onChange={onChangeSettings} />
          {(Object.keys(PANELS) as PanelName[]).map((name) => (
            <PanelButton
              key={name}
              id={name}
              icon={PANELS[name].icon}
              label={t(PANELS[name].label)}
              open={panel === name}
              onToggle={() => {
                if (name === 'pinyin' && panel !== name) props.onPinyinIntent?.();
                setPanel(panel === name ? undefined : name);
              }}
            />
          ))}
          {article && (
            <SpeechControls
              speech={props.speech}
              rate={settings.speechRate}
              onCommand={props.onSpeech}
              onRate={props.onSpeechRate}
              onIntent={props.onSpeechIntent}
            />
          )}
          <button
            type="button"
            class="yd-button yd-close"
            data-testid="reader-close"
            title={t('readerCloseHint')}
            onClick={onClose}
          >
            <span class="yd-icon" aria-hidden="true">
              ✕
            </span>
            <span>{t('readerClose')}</span>
          </button>
        </div>
        <SaveFailed failed={props.saveFailed} />
        {panel && Panel && (
          <section
            class="yd-panel"
            id={`yd-panel-${panel}`}
            data-testid={`panel-${panel}`}
            aria-label={t(PANELS[panel].label)}
            // Esc closes the open panel first; the next Esc closes the reader.
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                closePanel(event);
              }
            }}
          >
            <Panel
              settings={settings}
              onChange={onChangeSettings}
              host={props.host}
              status={props.scriptStatus}
              pinyinStatus={props.pinyinStatus}
            />
            <button type="button" class="yd-button" onClick={closePanel}>
              {t('closePanel')}
            </button>
          </section>
        )}
      </div>
      {/* Focusable, so the article scrolls by keyboard even when it has no link to tab to (WCAG
          2.1.1; axe's scrollable-region-focusable). Pinyin makes short articles scroll too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled by it. */}
      <div class="yd-scroll" tabIndex={0}>
        {article ? (
          <ArticleBody
            article={article}
            onClick={(event) => {
              const target = event.target as Element;
              // Links keep working; elsewhere a click while reading moves the reading there.
              if (props.speech.state !== 'idle' && !target.closest('a')) props.onReadFrom(target);
            }}
          />
        ) : 'working' in content ? (
          <p class="yd-problem" data-testid="reader-working" role="status">
            {t(content.working)}
          </p>
        ) : (
          <Problem messageKey={'problem' in content ? content.problem : 'readerNoArticle'} />
        )}
      </div>
    </div>
  );
}

function ArticleBody({
  article,
  onClick,
  fetches = true,
}: {
  article: Article;
  onClick: (event: MouseEvent) => void;
  /** False for the private copy: the same elements, with nothing to load. */
  fetches?: boolean;
}) {
  const details = [
    article.siteName,
    article.docNumber && t('docNumberLabel', article.docNumber),
    article.publishedAt && t('publishedLabel', formatPublishedAt(article.publishedAt)),
    article.source && t('sourceLabel', article.source),
  ].filter(Boolean);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; the toolbar's previous/next buttons do the same by keyboard.
    <article class="yd-article" onClick={onClick}>
      <header class="yd-card">
        <h1 class="yd-title" data-testid="reader-title">
          {article.title}
        </h1>
        {details.length > 0 && <p class="yd-meta">{details.join(' · ')}</p>}
      </header>
      <SanitizedContent html={article.contentHtml} fetches={fetches} />
      {article.attachments.length > 0 && <Attachments attachments={article.attachments} />}
    </article>
  );
}

/**
 * A private copy of the article element the reader shows, drawn from the extracted article by the
 * same component, so it has the same structure: reading aloud reads this copy, which the page
 * cannot reach, rather than the overlay, which it can (its shadow root is open). Detached; its
 * wrapper carries the article's `lang` as the overlay's does.
 */
export function renderArticleCopy(article: Article): Element {
  const wrapper = document.createElement('div');
  render(
    <div lang={article.lang}>
      <ArticleBody article={article} onClick={() => {}} fetches={false} />
    </div>,
    wrapper,
  );
  return wrapper.querySelector('article') as Element;
}

/**
 * The article body. The HTML was sanitized by DOMPurify in extractArticle; it keeps only images the
 * page could load itself (utils/reader/page-resources.ts). It is parsed as HTML
 * and the nodes moved in, rather than set with innerHTML, which parses as XML (and throws) when the
 * page is XHTML served as application/xhtml+xml.
 */
function SanitizedContent({ html, fetches = true }: { html: string; fetches?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const owner = element.ownerDocument;
    // Parsed inert, so nothing is fetched before the images the page could not load are taken out.
    keepAllowedResources(parsed.body, pageResourceFilter(owner.URL, fetchedByPage(owner)));
    // The copy reading aloud reads is never shown: its images keep their place but load nothing
    // (an image imported into the page's document loads even when detached).
    if (!fetches)
      for (const element of parsed.body.querySelectorAll('[src], [srcset], [poster]'))
        for (const name of ['src', 'srcset', 'poster']) element.removeAttribute(name);
    element.replaceChildren(
      ...Array.from(parsed.body.childNodes, (node) => owner.importNode(node, true)),
    );
  }, [html]);
  return <div class="yd-content" data-testid="reader-content" ref={ref} />;
}

/** The documents the article links to, listed once more at its end where they are easy to find. */
function Attachments({ attachments }: { attachments: Article['attachments'] }) {
  return (
    <section class="yd-attachments" aria-labelledby="yd-attachments-heading">
      <h2 class="yd-attachments-heading" id="yd-attachments-heading">
        {t('attachmentsHeading')}
      </h2>
      <ul class="yd-attachments-list">
        {attachments.map((attachment) => (
          <li key={attachment.url}>
            {/* URLs are absolute http(s) only: extractArticle drops every other scheme. */}
            <a
              href={attachment.url}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="reader-attachment"
            >
              {attachment.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Problem({ messageKey }: { messageKey: MessageKey }) {
  return (
    <p class="yd-problem" data-testid="reader-problem" role="alert">
      {t(messageKey)}
    </p>
  );
}
