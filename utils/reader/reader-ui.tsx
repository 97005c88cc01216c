/**
 * The reader's view as an on-demand bundle (entrypoints/reader-view.ts): Preact, the toolbar, its
 * panels and the article view. The reader's own script (entrypoints/reader.content) holds the
 * session, the overlay and the messages only, and has the background inject this bundle as soon as
 * the reader opens, so it arrives while the article is being extracted.
 */
import { type ComponentProps, render } from 'preact';
import { ReaderApp } from './reader-app';

export { renderArticleCopy } from '~/components/reader-view';

/** Draws (or redraws) the reader's view into the overlay's container. */
export function renderReaderApp(
  container: HTMLElement,
  props: ComponentProps<typeof ReaderApp>,
): void {
  render(<ReaderApp {...props} />, container);
}

/** Takes the reader's view out of the container. */
export function unrenderReaderApp(container: HTMLElement): void {
  render(null, container);
}
