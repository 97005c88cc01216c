import type { Article } from '../utils/extract/extract-article';
import { type MessageKey, t } from '../utils/i18n';
import { formatPublishedAt } from '../utils/published-date';
import type { Settings } from '../utils/settings';
import { ReadingControls } from './reading-controls';

export interface ReaderViewProps {
  /** The extracted article, or the key of the message that says why there is none. */
  content: { article: Article } | { problem: MessageKey };
  settings: Settings;
  onChangeSettings: (change: Partial<Settings>) => void;
  onClose: () => void;
}

/** The reader overlay: a sticky toolbar, a header card, and the article. */
export function ReaderView({ content, settings, onChangeSettings, onClose }: ReaderViewProps) {
  const article = 'article' in content ? content.article : undefined;
  return (
    <div class="yd-reader" lang={article?.lang}>
      <div class="yd-toolbar" role="toolbar" aria-label={t('readerToolbarLabel')}>
        <ReadingControls settings={settings} onChange={onChangeSettings} />
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
      <div class="yd-scroll">
        {article ? (
          <ArticleBody article={article} />
        ) : (
          <Problem messageKey={'problem' in content ? content.problem : 'readerNoArticle'} />
        )}
      </div>
    </div>
  );
}

function ArticleBody({ article }: { article: Article }) {
  const details = [
    article.siteName,
    article.publishedAt && t('publishedLabel', formatPublishedAt(article.publishedAt)),
    article.source && t('sourceLabel', article.source),
  ].filter(Boolean);
  return (
    <article class="yd-article">
      <header class="yd-card">
        <h1 class="yd-title" data-testid="reader-title">
          {article.title}
        </h1>
        {details.length > 0 && <p class="yd-meta">{details.join(' · ')}</p>}
      </header>
      <div
        class="yd-content"
        data-testid="reader-content"
        // Sanitized by DOMPurify in extractArticle before it reaches here.
        dangerouslySetInnerHTML={{ __html: article.contentHtml }}
      />
      {article.attachments.length > 0 && <Attachments attachments={article.attachments} />}
    </article>
  );
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
