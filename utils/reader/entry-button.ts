/**
 * The on-page "阅读模式" button the detector shows on article pages. Plain DOM in an open shadow
 * root (the detector loads on every portal page, so no Preact here), fixed in the lower right corner
 * where portals keep no article text, large and labelled.
 */
export const ENTRY_HOST_TAG = 'yidu-entry';

const ENTRY_CSS = `
:host { all: initial; }
button {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  min-width: 48px; min-height: 48px; padding: 10px 18px;
  display: inline-flex; align-items: center; gap: 8px;
  border: 2px solid #ffffff; border-radius: 24px;
  background: #0b4a8f; color: #ffffff;
  font: 600 18px/1.2 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); cursor: pointer;
}
button:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
@media print { button { display: none; } }
`;

export interface EntryButtonOptions {
  label: string;
  title: string;
  onClick: () => void;
}

/** Shows the button (once per page) and returns a function that takes it away. */
export function showEntryButton(
  doc: Document,
  { label, title, onClick }: EntryButtonOptions,
): () => void {
  doc.querySelector(ENTRY_HOST_TAG)?.remove();
  const host = doc.createElement(ENTRY_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = ENTRY_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'reader-entry';
  button.title = title;
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '📖';
  button.append(icon, label);
  button.addEventListener('click', onClick);
  shadow.append(style, button);
  doc.documentElement.append(host);
  return () => host.remove();
}
